import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import audit from '../../locales/zh-CN.json';
import { AuditChanges, isChangePair } from './audit-changes.tsx';

const render = (changes: Record<string, unknown>) => renderWithProviders(<AuditChanges changes={changes} />, { audit });

describe('the recorded change of an audit record', () => {
  it('shows an edit as before → after, with the field in words', () => {
    render({ name: ['城关小学', '城关第一小学'] });
    const table = screen.getByRole('table');
    expect(within(table).getByText('变更前')).toBeTruthy();
    expect(within(table).getByText('变更后')).toBeTruthy();
    const row = within(table).getByText('名称').closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['名称name', '城关小学', '', '城关第一小学']);
  });

  it('says empty for null and yes/no for booleans', () => {
    render({ lockedUntil: ['2026-03-01T08:00:00.000Z', null], isActive: [true, false] });
    expect(screen.getByText('（空）')).toBeTruthy();
    expect(screen.getByText('是')).toBeTruthy();
    expect(screen.getByText('否')).toBeTruthy();
  });

  it('shows values that are not edits as formatted JSON, and never reads a list of two as an edit', () => {
    const { container } = render({ added: ['orgs.org.read', 'users.user.read'], account: 'demo-t-1' });
    expect(screen.queryByText('变更前')).toBeNull();
    expect(screen.getByText('demo-t-1')).toBeTruthy();
    expect(container.querySelector('pre')?.textContent).toBe('[\n  "orgs.org.read",\n  "users.user.read"\n]');
  });

  it('says so when a record carries no change', () => {
    render({});
    expect(screen.getByText('此记录没有附带变更内容')).toBeTruthy();
  });

  it('tells pairs from lists by the field', () => {
    expect(isChangePair('name', ['a', 'b'])).toBe(true);
    expect(isChangePair('removed', ['a', 'b'])).toBe(false);
    expect(isChangePair('name', ['a', 'b', 'c'])).toBe(false);
  });
});
