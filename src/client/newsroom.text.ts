// The desk client's own short messages, Arabic first (the page's other strings come from the server).
export const DESK_TEXT = {
  ar: {
    saved: 'حُفظت المسودة',
    local: 'حُفظت على هذا الجهاز، وسترسل عند عودة الاتصال',
    published: 'نُشر التحديث',
    submitted: 'أُرسل للمراجعة',
    failed: 'تعذّر الحفظ',
    unconfirmed: 'لم يصل ردّ الخادم. اضغط الزر مجددًا عند عودة الاتصال؛ لن يُنشر التحديث مرتين.',
    empty: 'اكتب نص التحديث أولًا',
    link: 'الرابط (https://…)',
    note: 'ملاحظتك للمراسل',
    confirm: 'حذف هذا التحديث من الصفحة ومن شاشات القراء؟',
    remove: 'إزالة',
    alt: 'وصف الصورة لمن لا يراها (مطلوب)',
    credit: 'مصدر الصورة (مطلوب)',
    uploading: 'جارٍ رفع الصورة…',
    embed: 'رابط منشور إكس أو فيديو يوتيوب أو صفحة',
  },
  en: {
    saved: 'Draft saved',
    local: 'Saved on this device; will be sent when the connection is back',
    published: 'Update published',
    submitted: 'Submitted for review',
    failed: 'Could not save',
    unconfirmed:
      'No answer from the server. Press the button again once the connection is back; the update will not be published twice.',
    empty: 'Write the update first',
    link: 'Link (https://…)',
    note: 'Your note to the reporter',
    confirm: "Delete this update from the page and from readers' screens?",
    remove: 'Remove',
    alt: 'Describe the photo for people who cannot see it (required)',
    credit: 'Photo credit (required)',
    uploading: 'Uploading the photo…',
    embed: 'Address of a post on X, a YouTube video or a page',
  },
};

export type DeskText = (typeof DESK_TEXT)['ar'];
