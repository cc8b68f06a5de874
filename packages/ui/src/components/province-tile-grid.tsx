import { useTranslation } from 'react-i18next';

/*
 * Regional figures are drawn on a grid of equal tiles placed roughly where each province lies,
 * never as a map with borders: a published map of China needs an approved standard map and its
 * 审图号 (see ARCHITECTURE.md). Keys are the two-digit GB/T 2260 province codes; all 34
 * provincial-level divisions have a tile, 台湾 (71), 香港 (81) and 澳门 (82) included.
 * `name` is the Chinese short name; the label shown comes from ui:tiles.province.<code>.
 */
export const PROVINCE_TILES: Array<{ code: string; name: string; row: number; col: number }> = [
  { code: '23', name: '黑龙江', row: 0, col: 6 },
  { code: '15', name: '内蒙古', row: 1, col: 4 },
  { code: '22', name: '吉林', row: 1, col: 6 },
  { code: '65', name: '新疆', row: 2, col: 0 },
  { code: '64', name: '宁夏', row: 2, col: 2 },
  { code: '14', name: '山西', row: 2, col: 3 },
  { code: '11', name: '北京', row: 2, col: 4 },
  { code: '12', name: '天津', row: 2, col: 5 },
  { code: '21', name: '辽宁', row: 2, col: 6 },
  { code: '63', name: '青海', row: 3, col: 1 },
  { code: '62', name: '甘肃', row: 3, col: 2 },
  { code: '61', name: '陕西', row: 3, col: 3 },
  { code: '13', name: '河北', row: 3, col: 4 },
  { code: '37', name: '山东', row: 3, col: 5 },
  { code: '54', name: '西藏', row: 4, col: 0 },
  { code: '51', name: '四川', row: 4, col: 2 },
  { code: '50', name: '重庆', row: 4, col: 3 },
  { code: '41', name: '河南', row: 4, col: 4 },
  { code: '32', name: '江苏', row: 4, col: 5 },
  { code: '31', name: '上海', row: 4, col: 6 },
  { code: '53', name: '云南', row: 5, col: 2 },
  { code: '52', name: '贵州', row: 5, col: 3 },
  { code: '42', name: '湖北', row: 5, col: 4 },
  { code: '34', name: '安徽', row: 5, col: 5 },
  { code: '33', name: '浙江', row: 5, col: 6 },
  { code: '45', name: '广西', row: 6, col: 3 },
  { code: '43', name: '湖南', row: 6, col: 4 },
  { code: '36', name: '江西', row: 6, col: 5 },
  { code: '35', name: '福建', row: 6, col: 6 },
  { code: '71', name: '台湾', row: 6, col: 7 },
  { code: '44', name: '广东', row: 7, col: 4 },
  { code: '46', name: '海南', row: 8, col: 3 },
  { code: '82', name: '澳门', row: 8, col: 4 },
  { code: '81', name: '香港', row: 8, col: 5 },
];

const COLUMNS = 1 + Math.max(...PROVINCE_TILES.map((p) => p.col));
const GAP = 4;
/** Narrower tiles cannot hold 黑龙江 (or Xinjiang) legibly: the grid scrolls sideways instead. */
const MIN_TILE = { chinese: 40, english: 48 };
const SOFT_HYPHEN = /\u00ad/g;

const mix = (t: number) => {
  // From #e0e7ff (light) to #1d4ed8 (primary), so a darker tile means a larger value.
  const from = [224, 231, 255];
  const to = [29, 78, 216];
  return `rgb(${from.map((f, i) => Math.round(f + (to[i] - f) * t)).join(',')})`;
};

export function ProvinceTileGrid({
  values,
  format = (v) => v.toLocaleString('zh-CN'),
  onSelect,
  tileSize = 56,
  label,
}: {
  values: Record<string, number | undefined>;
  format?: (value: number) => string;
  onSelect?: (code: string) => void;
  tileSize?: number;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const isChinese = (i18n.resolvedLanguage ?? i18n.language ?? 'zh-CN').startsWith('zh');
  const numbers = Object.values(values).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...numbers);
  const minTile = Math.min(isChinese ? MIN_TILE.chinese : MIN_TILE.english, tileSize);
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled grid of province tiles, not form fields */}
      <div
        role="group"
        aria-label={label}
        style={{
          display: 'grid',
          gap: GAP,
          gridTemplateColumns: `repeat(${COLUMNS}, minmax(${minTile}px, ${tileSize}px))`,
          minWidth: COLUMNS * minTile + (COLUMNS - 1) * GAP,
        }}
      >
        {PROVINCE_TILES.map((p) => {
          const value = values[p.code];
          const ratio = value === undefined ? 0 : value / max;
          const dark = ratio > 0.55;
          const text = value === undefined ? t('ui:tiles.noData') : format(value);
          // English names may carry soft hyphens so Hei-long-jiang breaks inside a small tile.
          const shown = t(`ui:tiles.province.${p.code}`, { defaultValue: p.name });
          const name = shown.replace(SOFT_HYPHEN, '');
          return (
            <button
              key={p.code}
              type="button"
              data-code={p.code}
              aria-label={`${name} ${text}`}
              title={t('ui:tiles.tile', { name, value: text })}
              onClick={() => onSelect?.(p.code)}
              style={{
                gridRow: p.row + 1,
                gridColumn: p.col + 1,
                aspectRatio: '1',
                minWidth: 0,
                border: 0,
                borderRadius: 6,
                cursor: onSelect ? 'pointer' : 'default',
                background: value === undefined ? '#f1f5f9' : mix(ratio),
                color: dark ? '#fff' : '#1e293b',
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 1,
                padding: 2,
                overflow: 'hidden',
                fontSize: isChinese ? 12 : tileSize >= 56 ? 11 : tileSize >= 48 ? 10 : 9,
                lineHeight: 1.15,
              }}
            >
              <span
                lang={isChinese ? 'zh-CN' : 'en'}
                style={{ fontWeight: 600, textAlign: 'center', hyphens: 'manual', overflowWrap: 'anywhere' }}
              >
                {shown}
              </span>
              <span style={{ fontSize: 11 }}>{value === undefined ? '—' : format(value)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
