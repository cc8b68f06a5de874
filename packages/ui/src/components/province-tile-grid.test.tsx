import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import uiZh from '../../locales/zh-CN.json';
import uiEn from '../../locales/en.json';
import { PROVINCE_TILES, ProvinceTileGrid } from './province-tile-grid.tsx';

function renderGrid(language: 'zh-CN' | 'en', props: Partial<Parameters<typeof ProvinceTileGrid>[0]> = {}) {
  const instance = i18n.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { ui: uiZh }, en: { ui: uiEn } },
    interpolation: { escapeValue: false },
    initImmediate: false,
  } as never);
  render(
    <I18nextProvider i18n={instance}>
      <ProvinceTileGrid label="各省份数量" values={{}} {...props} />
    </I18nextProvider>,
  );
  return within(screen.getByRole('group', { name: '各省份数量' }));
}

describe('province tile grid', () => {
  it('draws a tile for each of the 34 provincial-level divisions, 台湾, 香港 and 澳门 included', () => {
    const grid = renderGrid('zh-CN');
    expect(grid.getAllByRole('button')).toHaveLength(34);
    for (const name of ['台湾', '香港', '澳门', '北京', '新疆']) expect(grid.getByRole('button', { name: `${name} 无数据` })).toBeTruthy();
    expect(new Set(PROVINCE_TILES.map((p) => p.code)).size).toBe(34);
  });

  it('places no two tiles on the same cell, 台湾 east of 福建 and 香港, 澳门 south of 广东', () => {
    const cells = PROVINCE_TILES.map((p) => `${p.row},${p.col}`);
    expect(new Set(cells).size).toBe(cells.length);
    const at = (code: string) => PROVINCE_TILES.find((p) => p.code === code)!;
    expect(at('71')).toMatchObject({ row: at('35').row, col: at('35').col + 1 });
    for (const code of ['81', '82']) expect(at(code).row).toBeGreaterThan(at('44').row);
  });

  it('shows values by two-digit code and a dash where there is no data', () => {
    const onSelect = vi.fn();
    const grid = renderGrid('zh-CN', { values: { '13': 12, '81': 3 }, onSelect });
    expect(grid.getByRole('button', { name: '河北 12' }).textContent).toBe('河北12');
    expect(grid.getByRole('button', { name: '香港 3' })).toBeTruthy();
    expect(grid.getByRole('button', { name: '台湾 无数据' }).textContent).toBe('台湾—');
    fireEvent.click(grid.getByRole('button', { name: '香港 3' }));
    expect(onSelect).toHaveBeenCalledWith('81');
  });

  it('labels the tiles in English when the console is in English', () => {
    const grid = renderGrid('en', { values: { '11': 5 } });
    expect(grid.getAllByRole('button')).toHaveLength(34);
    for (const name of [
      'Beijing 5',
      'Hebei No data',
      'Inner Mongolia No data',
      'Guangxi No data',
      'Tibet No data',
      'Xinjiang No data',
      'Ningxia No data',
      'Heilongjiang No data',
      'Hong Kong No data',
      'Macao No data',
      'Taiwan No data',
    ]) {
      expect(grid.getByRole('button', { name })).toBeTruthy();
    }
    expect(grid.getByRole('button', { name: 'Beijing 5' }).getAttribute('title')).toBe('Beijing: 5');
    expect(grid.queryByText('北京')).toBeNull();
  });

  it('has an English and a Chinese name for every tile', () => {
    for (const p of PROVINCE_TILES) {
      expect((uiZh.tiles.province as Record<string, string>)[p.code]).toBe(p.name);
      expect((uiEn.tiles.province as Record<string, string>)[p.code]).toMatch(/^[A-Z][a-z\u00ad]+( [A-Z][a-z]+)?$/);
    }
  });
});
