import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../api.ts';

/** "30个 典型区域", "20个以上 单位的资源应用", "1000万个 …" — the figure as the plan states it. */
export function formatCount(n: number): string {
  if (n >= 100_000_000 && n % 100_000_000 === 0) return `${n / 100_000_000}亿`;
  if (n >= 10_000 && n % 10_000 === 0) return `${n / 10_000}万`;
  return n < 10_000 ? String(n) : n.toLocaleString('zh-CN');
}

export function TargetTag({ target }: { target: TargetView }) {
  const { t } = useTranslation();
  const bound = t(`work-plan:web.bound.${target.bound}`);
  const figure = target.max
    ? `${formatCount(target.count)}–${formatCount(target.max)}${target.unit}`
    : `${formatCount(target.count)}${target.unit}${bound}`;
  return (
    <Tooltip title={target.source}>
      <Tag color="geekblue" style={{ marginBottom: 4 }}>
        <strong>{figure}</strong> {target.object}
      </Tag>
    </Tooltip>
  );
}
