import type { PublicPagesMessages } from './i18n.en';

/** Vietnamese messages of the campaigns' public pages. */
export const publicPagesVietnamese: PublicPagesMessages = {
  soquy: {
    publicPages: {
      title: 'Công khai',
      help: 'Trang công khai của đợt vận động ai cũng xem được, không cần đăng nhập: tổng số đã nhận và danh sách ủng hộ (ngày, tên người ủng hộ hoặc “Nhà hảo tâm ẩn danh”, số tiền). Chỉ công khai khi bạn bấm “Công khai”.',
      published: 'Đang công khai từ %{date}',
      not_published: 'Chưa công khai',
      link: 'Mở trang công khai',
      publish: 'Công khai',
      unpublish: 'Thôi công khai',
      publish_title: 'Công khai đợt vận động “%{name}”?',
      publish_content:
        'Trang của đợt sẽ ai cũng xem được, không cần đăng nhập: tên đợt, mục tiêu, tổng số đã nhận và từng khoản ủng hộ đã ghi sổ với ngày, số tiền và tên người ủng hộ như trên phiếu thu (nhà hảo tâm ẩn danh và người xin ẩn tên hiện là “Nhà hảo tâm ẩn danh”).',
      unpublish_title: 'Thôi công khai đợt vận động “%{name}”?',
      unpublish_content: 'Trang công khai sẽ báo “không tìm thấy trang”. Có thể công khai lại sau, với cùng địa chỉ.',
      published_done: 'Đã công khai đợt vận động',
      unpublished_done: 'Đã thôi công khai đợt vận động',
      donation_anonymous: 'Ẩn tên trên trang công khai',
      donation_anonymous_help: 'Người ủng hộ không muốn nêu tên: trang công khai của đợt vận động hiện “Nhà hảo tâm ẩn danh”',
    },
  },
};
