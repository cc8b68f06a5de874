import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only the chart types the console draws are bundled; `echarts-for-react/esm/core` because the
// CommonJS entry breaks Vite 8's production build (STACK.md).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

/**
 * An ECharts chart. Pages load it lazily (it is ~170 KB gzip), and pass `onClick` to drill down:
 * it receives the clicked item's name and series.
 */
export default function Chart({
  option,
  height = 320,
  onClick,
  label,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (item: { name: string; seriesName?: string; dataIndex: number }) => void;
  label: string;
}) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height }}
        notMerge
        onEvents={onClick ? { click: (p: { name: string; seriesName?: string; dataIndex: number }) => onClick(p) } : undefined}
      />
    </div>
  );
}
