// Names across scripts: Latin queries for names written in Arabic in the passages (none of
// them in the alias table), Arabic queries for names the English counterpart writes in Latin,
// and Amman (عمّان) kept apart from Oman. `relevant` judged by reading the passages.
import type { EvalQuery } from './queries.js';

export const NAME_QUERIES: readonly EvalQuery[] = [
  { q: 'Vance', relevant: ['p251'] },
  { q: 'Zelensky', relevant: ['p252'] },
  { q: 'Macron', relevant: ['p253'] },
  { q: 'Guterres', relevant: ['p254'] },
  { q: 'Lavrov', relevant: ['p255'] },
  { q: 'Larijani', relevant: ['p256'] },
  { q: 'Ghalibaf', relevant: ['p257'] },
  { q: 'Starmer', relevant: ['p258'] },
  { q: 'Meloni', relevant: ['p259'] },
  { q: 'Erdogan', relevant: ['p260'] },
  { q: 'Ortagus', relevant: ['p261'] },
  { q: 'Witkoff', relevant: ['p002', 'p013', 'p027', 'p039', 'p040'] },
  { q: 'Hochstein', relevant: ['p262', 'e01', 'e04'] },
  { q: 'هوكشتاين', relevant: ['p262', 'e01', 'e04'] },
  { q: 'Christodoulides', relevant: ['p263', 'e02'] },
  { q: 'كريستودوليدس', relevant: ['p263', 'e02'] },
  { q: 'Amman', relevant: ['p264', 'p265', 'p266', 'e03'] },
  { q: 'عمّان', relevant: ['p264', 'p265', 'p266', 'e03'] },
  { q: 'احتجاجات عمان الاردن', relevant: ['p264', 'e03'] },
  { q: 'Zelensky Moscow ceasefire', relevant: ['p252'] },
];
