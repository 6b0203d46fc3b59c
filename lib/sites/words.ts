/**
 * The unit words the sites print next to counts, per language, lower case. A count is
 * assigned to a field by its word, never by its position (positions differ by layout and
 * locale, and a missing count shifts the rest). A language not listed here reads as
 * "unknown" rather than as a guess.
 */

export const SUBSCRIBER_WORDS = [
  'subscriber', 'abonnent', 'abonné', 'suscriptor', 'inscrito', 'iscritt', 'abonnee', 'subskryb',
  'подписчик', '订阅者', '訂閱者', 'チャンネル登録者', '登録者', '구독자', 'abone', 'người đăng ký',
  'ผู้ติดตาม', 'pelanggan', 'подписчи', 'suscritor', 'prenumerant', 'abonenc', 'odběratel',
  'feliratkoz', 'συνδρομητ', 'משתמשים רשומים', 'מנויים', 'مشترك', 'सदस्य', 'सब्सक्राइबर', 'subscritor',
  'subscriptor', 'abonaț', 'abonat', 'tilaaja', 'підписник', 'pretplatni', 'naročnik',
  'подписник', 'абонат', 'абонент',
];

export const VIDEO_WORDS = [
  'video', 'vidéo', 'vídeo', 'filmów', 'filmy', 'film', 'видео', '视频', '影片', '動画', '동영상',
  'ویدیو', 'فيديو', 'วิดีโอ', 'βίντεο', 'סרטונים', 'वीडियो', 'klip', 'videó', 'відео', 'видеа',
];

export const VIEW_WORDS = [
  'view', 'aufruf', 'vue', 'visualizacion', 'visualización', 'visualizaç', 'visualizzazion',
  'weergave', 'wyświetle', 'просмотр', '回視聴', '視聴', '조회수', '次观看', '次觀看', '观看', '觀看',
  'görüntüleme', 'lượt xem', 'การดู', 'ditonton', 'tontonan', 'visning', 'näyttökert', 'zhlédnutí',
  'megtekintés', 'προβολ', 'צפיות', 'مشاهدة', 'بازدید', 'बार देखा', 'vizualiz', 'ogled', 'перегляд',
  'reproducci', 'vistas', 'visninger', 'exibiç', 'переглядів',
];

/** Words that make a count a live audience or a premiere, not views. */
export const NOT_VIEW_WORDS = ['watching', 'waiting', 'zuschauer', 'spectateur', 'wartend', 'en attente', 'viendo', 'assistindo'];

export const FOLLOWER_WORDS = [
  'follower', 'abonné', 'abonnent', 'seguidor', 'seguidore', 'seguaci', 'volger', 'obserwując',
  'подписчик', '粉丝', '粉絲', 'フォロワー', '팔로워', 'takipçi', 'người theo dõi', 'ผู้ติดตาม', 'pengikut',
  'följare', 'følgere', 'seuraaj', 'sledující', 'követő', 'ακόλουθ', 'עוקבים', 'متابع', 'फ़ॉलोअर', 'फॉलोअर',
  'urmăritor', 'sledilc', 'pratitel', 'sekėj', 'sekotāj', 'jälgija',
];

// Checked before FOLLOWER_WORDS: several languages build "following" from the same stem
// (Abonnenten / Abonnements, seguidores / seguidos).
export const FOLLOWING_WORDS = [
  'following', 'abonnement', 'gefolgt', 'folgen', 'folge ich', 'seguindo', 'seguidos', 'siguiendo', 'seguiti',
  'volgend', 'obserwowan', 'подписок', 'подписки', '关注', '關注', '追蹤中', 'フォロー中', '팔로우', 'takip edilen',
  'đang theo dõi', 'กำลังติดตาม', 'mengikuti', 'följer', 'følger', 'seurattav', 'sleduje', 'követés',
  'ακολουθεί', 'במעקב', 'يتابع', 'फ़ॉलो कर रहे', 'urmăriri', 'sledi',
];

export const POST_WORDS = [
  'post', 'publicaç', 'publicacion', 'publication', 'beiträg', 'beitrag', 'pubblicazion', 'bericht',
  'posty', 'публикац', 'пост', '帖子', '貼文', '投稿', '게시물', 'gönderi', 'bài viết', 'โพสต์', 'postingan',
  'inlägg', 'innlegg', 'opslag', 'julkaisu', 'příspěvk', 'bejegyzés', 'δημοσιεύσ', 'פוסטים', 'منشور',
  'पोस्ट', 'postări', 'objav', 'įraš', 'ieraksti', 'postitus',
];

export const LIKE_WORDS = [
  'like', 'gefällt', 'j’aime', "j'aime", 'curtida', 'me gusta', 'mi piace', 'vind ik leuk', 'polubie',
  'нравится', '赞', '讚', 'いいね', '좋아요', 'beğeni', 'lượt thích', 'ถูกใจ', 'suka', 'gilla', 'tykkä',
  'páčí', 'kedvel', 'μου αρέσει', 'לייק', 'إعجاب', 'पसंद', 'aprecier', 'všeč', 'patinka', 'patīk', 'meeldi',
];

export const COMMENT_WORDS = [
  'comment', 'kommentar', 'commentaire', 'comentári', 'comentario', 'comentário', 'commenti',
  'opmerking', 'reactie', 'komentarz', 'комментар', '评论', '留言', 'コメント', '댓글', 'yorum', 'bình luận',
  'ความคิดเห็น', 'komentar', 'kommentti', 'komentář', 'hozzászól', 'σχόλι', 'תגובות', 'تعليق', 'टिप्पणी',
  'comentari',
];
