// Typos in the query: queries of queries.ts and queries.names.ts as a reader in a hurry types
// them, one word misspelt the way readers misspell (a long vowel dropped or doubled, a letter
// swapped for its neighbour in sound: ت/ط، س/ص، ق/ك، ذ/د، ح/ه). The relevant passages are those
// of the query as written correctly.
import type { EvalQuery } from './queries.js';

export const TYPO_QUERIES: readonly EvalQuery[] = [
  { q: 'بدر البوسيدي', relevant: ['p003', 'p017', 'p040'] },
  { q: 'اجراءات امنية مشددة في مسقت', relevant: ['p020'] },
  { q: 'صحفيون ينتظرون في فنذق بمسقط', relevant: ['p035'] },
  { q: 'اغلاق مضيق هرموز', relevant: ['p049'] },
  { q: 'قانون السرية المسرفية', relevant: ['p067'] },
  { q: 'نتائج الامتحنات الرسمية', relevant: ['p073'] },
  { q: 'ذكرى انفجار مرفأ بيرووت', relevant: ['p078'] },
  { q: 'تصويت المقتربين', relevant: ['p082'] },
  { q: 'فوز تبوون بولاية ثانية', relevant: ['p094'] },
  { q: 'الهيدروجن الاخضر في الدقم', relevant: ['p117'] },
  { q: 'عاصفة طرابية في الكويت', relevant: ['p130'] },
  { q: 'فيضنات ظفار', relevant: ['p136'] },
  { q: 'مناوارات بحرية ايرانية', relevant: ['p159'] },
  { q: 'ويتكوف مسكط', relevant: ['p002', 'p027'] },
  { q: 'ارباح ارمكو', relevant: ['p050'] },
  { q: 'تأشيرة سياهية عمانية', relevant: ['p054'] },
  { q: 'ساعات التغذية بالكهربا في لبنان', relevant: ['p071'] },
  { q: 'سعر الدهب قياسي', relevant: ['p106'] },
  { q: 'زلزل جنوب ايران', relevant: ['p138'] },
  { q: 'قطار الخلييج', relevant: ['p056'] },
  { q: 'Witkof', relevant: ['p002', 'p013', 'p027', 'p039', 'p040'] },
  { q: 'Pezeshkyan', relevant: ['p021', 'p089'] },
  { q: 'Grosi', relevant: ['p012'] },
  { q: 'Zelenski', relevant: ['p252'] },
];
