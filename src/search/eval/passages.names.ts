// Evaluation passages for names across scripts, written for Ajil like passages.ts: Arabic
// passages naming people that the alias table does not list (their Latin spellings must be
// found through the sound key or learned), passages about Amman (عمّان) that must not be taken
// for Oman, and a few English passages for the English counterpart of the evaluation page,
// from which search learns the names the sound key alone does not join. Fictional stories.
import type { EvalPassage } from './passages.js';

export const NAME_PASSAGES: readonly EvalPassage[] = [
  {
    id: 'p251',
    text: 'وصل نائب الرئيس الأميركي جي دي فانس إلى الرياض في زيارة تستمر يومين يلتقي خلالها ولي العهد.',
    publishedAt: '2025-08-01T08:00:00Z',
  },
  {
    id: 'p252',
    text: 'قال الرئيس الأوكراني فولوديمير زيلينسكي إن بلاده مستعدة لوقف إطلاق النار إذا التزمت به موسكو.',
    publishedAt: '2025-08-02T09:00:00Z',
  },
  {
    id: 'p253',
    text: 'دعا الرئيس الفرنسي إيمانويل ماكرون إلى مؤتمر دولي في باريس لدعم إعادة إعمار الجنوب اللبناني.',
    publishedAt: '2025-08-03T10:00:00Z',
  },
  {
    id: 'p254',
    text: 'حذر الأمين العام للأمم المتحدة أنطونيو غوتيريش من كارثة إنسانية في دارفور مع اقتراب موسم الأمطار.',
    publishedAt: '2025-08-04T11:00:00Z',
  },
  {
    id: 'p255',
    text: 'أجرى وزير الخارجية الروسي سيرغي لافروف اتصالاً هاتفياً بنظيره الإيراني تناول التعاون في مجال الطاقة.',
    publishedAt: '2025-08-05T12:00:00Z',
  },
  {
    id: 'p256',
    text: 'وصل أمين المجلس الأعلى للأمن القومي الإيراني علي لاريجاني إلى بيروت حاملاً رسالة إلى المسؤولين اللبنانيين.',
    publishedAt: '2025-08-06T13:00:00Z',
  },
  {
    id: 'p257',
    text: 'أكد رئيس البرلمان الإيراني محمد باقر قاليباف أن النواب سيصادقون على أي تفاهم قبل تنفيذه.',
    publishedAt: '2025-08-07T14:00:00Z',
  },
  {
    id: 'p258',
    text: 'التقى رئيس الوزراء البريطاني كير ستارمر ولي العهد السعودي في لندن لبحث الاستثمارات المشتركة.',
    publishedAt: '2025-08-08T15:00:00Z',
  },
  {
    id: 'p259',
    text: 'زارت رئيسة الوزراء الإيطالية جورجيا ميلوني طرابلس الليبية لبحث ملف الهجرة غير النظامية عبر المتوسط.',
    publishedAt: '2025-08-09T16:00:00Z',
  },
  {
    id: 'p260',
    text: 'قال الرئيس التركي رجب طيب أردوغان إن أنقرة مستعدة لاستضافة جولة من المحادثات بين الطرفين.',
    publishedAt: '2025-08-10T17:00:00Z',
  },
  {
    id: 'p261',
    text: 'وصلت نائبة المبعوث الأميركي مورغان أورتاغوس إلى بيروت وبحثت مع الرئيس اللبناني خطة الجيش في الجنوب.',
    publishedAt: '2025-08-11T08:00:00Z',
  },
  {
    id: 'p262',
    headline: 'هوكشتاين في بيروت',
    text: 'بحث المبعوث الأميركي آموس هوكشتاين مع رئيس مجلس النواب اللبناني ترتيبات وقف إطلاق النار في الجنوب.',
    publishedAt: '2025-08-12T09:00:00Z',
  },
  {
    id: 'p263',
    text: 'استقبل الرئيس القبرصي نيكوس كريستودوليدس وزير الخارجية اللبناني وبحثا ترسيم الحدود البحرية.',
    publishedAt: '2025-08-13T10:00:00Z',
  },
  {
    id: 'p264',
    headline: 'احتجاجات في عمّان',
    text: 'خرج آلاف في العاصمة الأردنية عمان احتجاجاً على ارتفاع أسعار الوقود، وسط انتشار أمني كثيف.',
    publishedAt: '2025-08-14T18:00:00Z',
  },
  {
    id: 'p265',
    text: 'افتُتح في عمان المؤتمر الاقتصادي الأردني الأوروبي بمشاركة وزراء ورجال أعمال من الجانبين.',
    publishedAt: '2025-08-15T08:00:00Z',
  },
  {
    id: 'p266',
    text: 'استقبل العاهل الأردني في قصر الحسينية بعمّان وفداً من رجال الأعمال العمانيين.',
    publishedAt: '2025-08-16T11:00:00Z',
  },
  // ── The English counterpart ───────────────────────────────────────────────────────────
  {
    id: 'e01',
    locale: 'en',
    headline: 'Envoy back in Beirut',
    text: 'US envoy Amos Hochstein returned to Beirut on Monday to discuss the ceasefire arrangements in the south with the speaker of parliament.',
    publishedAt: '2025-08-12T09:30:00Z',
  },
  {
    id: 'e02',
    locale: 'en',
    text: 'Cyprus President Nikos Christodoulides received the Lebanese foreign minister in Nicosia to discuss the maritime border.',
    publishedAt: '2025-08-13T10:30:00Z',
  },
  {
    id: 'e03',
    locale: 'en',
    text: 'Thousands protested in Amman, the Jordanian capital, against higher fuel prices.',
    publishedAt: '2025-08-14T18:30:00Z',
  },
  {
    id: 'e04',
    locale: 'en',
    text: 'A deal on the land border is within reach, envoy Hochstein told officials in Beirut.',
    publishedAt: '2025-08-15T12:00:00Z',
  },
];
