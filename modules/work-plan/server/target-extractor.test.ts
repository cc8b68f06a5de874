import { describe, expect, it } from 'vitest';
import { extractTargets } from './target-extractor.ts';

const brief = (text: string) => extractTargets(text).map((t) => `${t.count}${t.max ? `-${t.max}` : ''}${t.unit}:${t.object}:${t.bound}`);

describe('numeric targets in a paragraph', () => {
  it('reads a list of quotas with their objects', () => {
    expect(
      brief('遴选30个典型区域，300所基础教育标杆学校、50所职业教育标杆学校，3000堂基础教育示范课例、800门国家精品在线开放课程。'),
    ).toEqual([
      '30个:典型区域:exact',
      '300所:基础教育标杆学校:exact',
      '50所:职业教育标杆学校:exact',
      '3000堂:基础教育示范课例:exact',
      '800门:国家精品在线开放课程:exact',
    ]);
  });

  it('applies 万 and takes the object from the clause before when the number ends the sentence', () => {
    expect(brief('组织师生开通实名制网络学习空间，计划新增1000万个。')).toEqual(['10000000个:实名制网络学习空间:exact']);
  });

  it('reads people counted after what they are', () => {
    expect(brief('计划全年培训中小学校长2000人、骨干教师4000人。')).toEqual(['2000人:中小学校长:exact', '4000人:骨干教师:exact']);
    expect(brief('实现注册学员数175万人。')).toEqual(['1750000人:注册学员数:exact']);
  });

  it('treats 以上 as a lower bound and splits targets joined by 和', () => {
    expect(brief('新汇聚20个以上单位的资源应用。')).toEqual(['20个:单位的资源应用:at_least']);
    expect(brief('遴选出40个网络学习空间应用优秀区域和200所优秀学校进行展示推广')).toEqual([
      '40个:网络学习空间应用优秀区域:exact',
      '200所:优秀学校:exact',
    ]);
  });

  it('reads ranges, upper bounds and approximations', () => {
    expect(brief('建设3至5个示范区。')).toEqual(['3-5个:示范区:range']);
    expect(brief('每校不超过2名联络员。')).toEqual(['2名:每校:at_most']);
    expect(brief('覆盖约60所学校。')).toEqual(['60所:学校:approximate']);
  });

  it('ignores ordinals, years, versions and names', () => {
    expect(brief('举办第四届全国基础教育信息化应用展示交流活动，开展2019年度绩效评估，推进教育信息化2.0和IPv6，CERNET2二期。')).toEqual([]);
  });
});
