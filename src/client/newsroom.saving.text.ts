// The desk client's words about saving, Arabic first: where the text is (sent, on this device,
// refused), signing in again in place, a conflict with a colleague's edit, and bylines.
export const SAVING_TEXT = {
  ar: {
    offline: 'لا اتصال بالشبكة: النص محفوظ على هذا الجهاز، وسيرسل عند عودة الاتصال.',
    offlineSend:
      'لا اتصال بالشبكة: النص محفوظ على هذا الجهاز، وسيرسل عند عودة الاتصال دون أن يُنشر مرتين.',
    refused: 'رفض الخادم الحفظ، ولم يُرسل شيء. نصك باقٍ كما هو هنا وعلى هذا الجهاز.',
    refusedAt: 'السبب في',
    field: {
      headline: 'العنوان',
      body: 'نص التحديث',
      paragraph: (n: number) => `الفقرة ${n} من النص`,
      sources: 'المصادر',
      byline: 'التوقيع',
      contributors: 'المساهمون',
      schedule: 'وقت النشر',
    },
    atMost: (limit: number, kind: 'characters' | 'items') =>
      kind === 'characters' ? `الحد الأقصى ${limit} حرف.` : `الحد الأقصى ${limit} عنصرًا.`,
    length: (n: number) => `الطول الآن ${n} حرف.`,
    signedOut: 'انتهت جلستك. سجّل الدخول من جديد هنا وسيُحفظ نصك؛ لم يضع منه شيء.',
    notSignedIn: 'لم يُحفظ على الخادم بعد: سجّل الدخول لحفظه. النص باقٍ على هذا الجهاز.',
    signInTitle: 'سجّل الدخول للمتابعة',
    signInIntro: 'انتهت جلستك. نصك محفوظ على هذا الجهاز، وسيُرسل فور دخولك.',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    code: 'رمز التحقق أو رمز الاسترداد',
    codeIntro: 'أدخل الرمز الظاهر في تطبيق المصادقة.',
    signIn: 'دخول',
    verify: 'تحقق',
    later: 'لاحقًا',
    signInFailed: 'تعذّر الدخول. حاول مجددًا.',
    conflictTitle: 'عدّل زميل هذا التحديث وأنت تحرّره',
    conflictIntro: 'لم يُحفظ تعديلك ولم يُمسّ تعديله. اختر ما يُنشر:',
    changedBy: (who: string, when: string) => `عدّله ${who} في ${when}`,
    mine: 'نصي',
    theirs: 'نصهم (المنشور الآن)',
    keepMine: 'أبقِ نصي',
    takeTheirs: 'خذ نصهم',
    mergeByHand: 'ادمج يدويًا',
    merging: 'ادمج النصين في المحرر أعلاه (فيه نصك ثم ما أضافوه)، ثم انشر. نصهم باقٍ هنا للمقارنة.',
    tookTheirs: 'حُمّل نصهم في المحرر؛ لم يُرسل شيء.',
    conflictUnknown: 'تغيّر هذا التحديث منذ فتحته، وتعذّر جلب نسخته الحالية. نصك باقٍ هنا.',
  },
  en: {
    offline: 'No connection: the text is kept on this device and will be sent when it is back.',
    offlineSend:
      'No connection: the text is kept on this device and will be sent when the connection is back, never twice.',
    refused:
      'The server refused to save it; nothing was sent. Your text is still here and on this device.',
    refusedAt: 'Caused by',
    field: {
      headline: 'the headline',
      body: 'the text of the update',
      paragraph: (n: number) => `paragraph ${n} of the text`,
      sources: 'the sources',
      byline: 'the byline',
      contributors: 'the contributors',
      schedule: 'the publication time',
    },
    atMost: (limit: number, kind: 'characters' | 'items') =>
      kind === 'characters' ? `At most ${limit} characters.` : `At most ${limit} items.`,
    length: (n: number) => `It is ${n} characters now.`,
    signedOut:
      'Your session has ended. Sign in again here and your text will be saved; none of it is lost.',
    notSignedIn:
      'Not saved on the server yet: sign in to save it. The text is kept on this device.',
    signInTitle: 'Sign in to carry on',
    signInIntro:
      'Your session has ended. Your text is kept on this device and is sent once you are in.',
    email: 'E-mail',
    password: 'Password',
    code: 'Verification code or recovery code',
    codeIntro: 'Enter the code shown in your authenticator app.',
    signIn: 'Sign in',
    verify: 'Verify',
    later: 'Later',
    signInFailed: 'Could not sign in. Try again.',
    conflictTitle: 'A colleague changed this update while you were editing it',
    conflictIntro: 'Your edit was not saved and theirs was not touched. Choose what goes out:',
    changedBy: (who: string, when: string) => `Changed by ${who} at ${when}`,
    mine: 'Mine',
    theirs: 'Theirs (published now)',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    mergeByHand: 'Merge by hand',
    merging:
      'Merge the two in the editor above (it holds your text, then what they added), then publish. Theirs stays here to compare.',
    tookTheirs: 'Their text is in the editor; nothing was sent.',
    conflictUnknown:
      'This update changed since you opened it and its current version could not be fetched. Your text is still here.',
  },
};

export type SavingText = (typeof SAVING_TEXT)['ar'];
