import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName } from './file-name.ts';

describe('cleanFileName', () => {
  it('drops folders a browser or an attacker put in the name', () => {
    expect(cleanFileName('C:\\fakepath\\计划.pdf')).toBe('计划.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('removes control and direction-override characters', () => {
    expect(cleanFileName('a\u202Etxt.exe')).toBe('atxt.exe');
    expect(cleanFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(cleanFileName('  \u0000 ')).toBe('file');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.docx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('长.docx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('2020年工作要点 (终稿).pdf')).toBe(
      `attachment; filename="2020_____ (__).pdf"; filename*=UTF-8''2020%E5%B9%B4%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9%20%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes or percent signs', () => {
    expect(attachmentDisposition('a"; filename=evil.html; x="%41.txt')).toBe(
      `attachment; filename="a_; filename=evil.html; x=__41.txt"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%22%2541.txt`,
    );
  });
});
