import { useTranslation } from 'react-i18next';

/*
 * Regional figures are drawn on a grid of equal tiles placed roughly where each province lies,
 * never as a map with borders: a published map of China needs an approved standard map and its
 * 审图号 (see ARCHITECTURE.md). Keys are the two-digit GB/T 2260 province codes.
 */
export const PROVINCE_TILES: Array<{ code: string; name: string; row: number; col: number }> = [
  { code: '23', name: '黑龙江', row: 0, col: 7 },
  { code: '15', name: '内蒙古', row: 1, col: 5 }, { code: '22', name: '吉林', row: 1, col: 7 },
  { code: '65', name: '新疆', row: 2, col: 1 }, { code: '64', name: '宁夏', row: 2, col: 3 }, { code: '14', name: '山西', row: 2, col: 4 },
  { code: '11', name: '北京', row: 2, col: 5 }, { code: '12', name: '天津', row: 2, col: 6 }, { code: '21', name: '辽宁', row: 2, col: 7 },
  { code: '63', name: '青海', row: 3, col: 2 }, { code: '62', name: '甘肃', row: 3, col: 3 }, { code: '61', name: '陕西', row: 3, col: 4 },
  { code: '13', name: '河北', row: 3, col: 5 }, { code: '37', name: '山东', row: 3, col: 6 },
  { code: '54', name: '西藏', row: 4, col: 1 }, { code: '51', name: '四川', row: 4, col: 3 }, { code: '50', name: '重庆', row: 4, col: 4 },
  { code: '41', name: '河南', row: 4, col: 5 }, { code: '32', name: '江苏', row: 4, col: 6 }, { code: '31', name: '上海', row: 4, col: 7 },
  { code: '53', name: '云南', row: 5, col: 3 }, { code: '52', name: '贵州', row: 5, col: 4 }, { code: '42', name: '湖北', row: 5, col: 5 },
  { code: '34', name: '安徽', row: 5, col: 6 }, { code: '33', name: '浙江', row: 5, col: 7 },
  { code: '45', name: '广西', row: 6, col: 4 }, { code: '43', name: '湖南', row: 6, col: 5 }, { code: '36', name: '江西', row: 6, col: 6 },
  { code: '35', name: '福建', row: 6, col: 7 },
  { code: '46', name: '海南', row: 7, col: 4 }, { code: '44', name: '广东', row: 7, col: 5 },
];

const mix = (t: number) => {
  // From #e0e7ff (light) to #1d4ed8 (primary), so a darker tile means a larger value.
  const from = [224, 231, 255];
  const to = [29, 78, 216];
  return `rgb(${from.map((f, i) => Math.round(f + (to[i] - f) * t)).join(',')})`;
};

export function ProvinceTileGrid({ values, format = (v) => v.toLocaleString('zh-CN'), onSelect, tileSize = 56, label }: {
  values: Record<string, number | undefined>;
  format?: (value: number) => string;
  onSelect?: (code: string) => void;
  tileSize?: number;
  label: string;
}) {
  const { t } = useTranslation();
  const numbers = Object.values(values).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...numbers);
  return (
    <div role="group" aria-label={label} style={{ display: 'grid', gridTemplateColumns: `repeat(8, ${tileSize}px)`, gridAutoRows: `${tileSize}px`, gap: 4 }}>
      {PROVINCE_TILES.map((p) => {
        const value = values[p.code];
        const ratio = value === undefined ? 0 : value / max;
        const dark = ratio > 0.55;
        const text = value === undefined ? t('ui:tiles.noData') : format(value);
        return (
          <button
            key={p.code}
            type="button"
            aria-label={`${p.name} ${text}`}
            title={`${p.name}：${text}`}
            onClick={() => onSelect?.(p.code)}
            style={{
              gridRow: p.row + 1, gridColumn: p.col + 1, border: 0, borderRadius: 6, cursor: onSelect ? 'pointer' : 'default',
              background: value === undefined ? '#f1f5f9' : mix(ratio), color: dark ? '#fff' : '#1e293b',
              display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', fontSize: 12, padding: 2,
            }}
          >
            <span style={{ fontWeight: 600 }}>{p.name}</span>
            <span style={{ fontSize: 11 }}>{value === undefined ? '–' : format(value)}</span>
          </button>
        );
      })}
    </div>
  );
}
