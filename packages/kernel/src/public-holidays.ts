// The State Council's public-holiday arrangements (国务院办公厅关于 20xx 年部分节假日安排的通知),
// one entry per notice, copied as the notice words them: each holiday as its first and last day
// off (weekends inside the run included), and the weekend days worked instead (调休上班).
// Adding a year: docs/adr/0014-beijing-time-and-working-days.md. No imports: the console may use it.

export interface HolidayArrangement {
  /** The holidays, each a run of days off, inclusive. */
  holidays: { name: string; from: string; to: string }[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workingWeekendDays: string[];
}

export const PUBLIC_HOLIDAYS: Record<number, HolidayArrangement> = {
  // 国办发明电〔2019〕16号; the Spring Festival extended to 2 February (国办发明电〔2020〕1号),
  // which also cancelled the working Saturday of 1 February.
  2020: {
    holidays: [
      { name: '元旦', from: '2020-01-01', to: '2020-01-01' },
      { name: '春节', from: '2020-01-24', to: '2020-02-02' },
      { name: '清明节', from: '2020-04-04', to: '2020-04-06' },
      { name: '劳动节', from: '2020-05-01', to: '2020-05-05' },
      { name: '端午节', from: '2020-06-25', to: '2020-06-27' },
      { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08' },
    ],
    workingWeekendDays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  // 国办发明电〔2020〕27号
  2021: {
    holidays: [
      { name: '元旦', from: '2021-01-01', to: '2021-01-03' },
      { name: '春节', from: '2021-02-11', to: '2021-02-17' },
      { name: '清明节', from: '2021-04-03', to: '2021-04-05' },
      { name: '劳动节', from: '2021-05-01', to: '2021-05-05' },
      { name: '端午节', from: '2021-06-12', to: '2021-06-14' },
      { name: '中秋节', from: '2021-09-19', to: '2021-09-21' },
      { name: '国庆节', from: '2021-10-01', to: '2021-10-07' },
    ],
    workingWeekendDays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  // 国办发明电〔2021〕11号
  2022: {
    holidays: [
      { name: '元旦', from: '2022-01-01', to: '2022-01-03' },
      { name: '春节', from: '2022-01-31', to: '2022-02-06' },
      { name: '清明节', from: '2022-04-03', to: '2022-04-05' },
      { name: '劳动节', from: '2022-04-30', to: '2022-05-04' },
      { name: '端午节', from: '2022-06-03', to: '2022-06-05' },
      { name: '中秋节', from: '2022-09-10', to: '2022-09-12' },
      { name: '国庆节', from: '2022-10-01', to: '2022-10-07' },
    ],
    workingWeekendDays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  // 国办发明电〔2022〕16号
  2023: {
    holidays: [
      { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
      { name: '春节', from: '2023-01-21', to: '2023-01-27' },
      { name: '清明节', from: '2023-04-05', to: '2023-04-05' },
      { name: '劳动节', from: '2023-04-29', to: '2023-05-03' },
      { name: '端午节', from: '2023-06-22', to: '2023-06-24' },
      { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06' },
    ],
    workingWeekendDays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  // 国办发明电〔2023〕7号
  2024: {
    holidays: [
      { name: '元旦', from: '2023-12-30', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workingWeekendDays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  // 国办发明电〔2024〕12号, the first under the revised 全国年节及纪念日放假办法 (春节 and 劳动节 one day longer)
  2025: {
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workingWeekendDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国办发明电〔2025〕7号
  2026: {
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workingWeekendDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
