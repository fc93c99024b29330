import type { AppMessages } from './app.en';

/** The console's own messages in Vietnamese, the default language. */
export const appVietnamese: AppMessages = {
  resources: {
    AdministrativeUnit: {
      name: 'Đơn vị hành chính',
      forcedCaseName: 'đơn vị hành chính',
      fields: {
        id: 'Mã số',
        code: 'Mã đơn vị',
        name: 'Tên',
        nameWithType: 'Đơn vị',
        level: 'Cấp',
        type: 'Loại',
        parentId: 'Trực thuộc',
        validFrom: 'Hiệu lực từ ngày',
        validTo: 'Hiệu lực đến ngày',
        q: 'Tìm kiếm',
      },
    },
    User: {
      name: 'Người dùng',
      forcedCaseName: 'người dùng',
      fields: {
        id: 'Mã số',
        email: 'Email',
        fullName: 'Họ và tên',
        role: 'Vai trò',
        unitId: 'Đơn vị',
        active: 'Đang hoạt động',
        lastLoginAt: 'Đăng nhập lần cuối',
        createdAt: 'Ngày tạo',
        updatedAt: 'Cập nhật lần cuối',
        password: 'Mật khẩu',
        q: 'Tìm kiếm',
      },
      page: {
        create: 'Thêm người dùng',
      },
    },
  },
  soquy: {
    app: {
      title: 'Sổ Quỹ',
      tagline: 'Sổ theo dõi quỹ Đền ơn đáp nghĩa và quỹ Bảo trợ trẻ em',
    },
    language: 'Ngôn ngữ',
    unitLevel: {
      PROVINCE: 'Tỉnh',
      DISTRICT: 'Huyện',
      COMMUNE: 'Xã',
    },
    unitType: {
      tinh: 'Tỉnh',
      'thanh-pho': 'Thành phố',
      huyen: 'Huyện',
      'thi-xa': 'Thị xã',
      phuong: 'Phường',
      xa: 'Xã',
      'thi-tran': 'Thị trấn',
    },
    role: {
      ADMIN: 'Quản trị hệ thống',
      FUND_MANAGER: 'Kế toán quỹ',
      GRANT_OFFICER: 'Cán bộ chính sách',
      INSPECTOR: 'Thanh tra',
    },
    units: {
      breadcrumb: 'Các đơn vị cấp trên',
      children: 'Đơn vị trực thuộc',
      no_children: 'Không có đơn vị nào trực thuộc đơn vị này.',
    },
    users: {
      reset_password: 'Đặt lại mật khẩu',
      reset_password_title: 'Đặt lại mật khẩu cho %{name}',
      reset_password_help: 'Người dùng sẽ bị đăng xuất khỏi mọi thiết bị và phải đăng nhập lại bằng mật khẩu mới.',
      new_password: 'Mật khẩu mới',
      password_reset: 'Đã đặt lại mật khẩu cho %{name}',
      password_help: 'Ít nhất 10 ký tự, có chữ và số',
      signed_in_as: '%{role} — %{unit}',
    },
    validation: {
      password_rule: 'Mật khẩu phải có ít nhất 10 ký tự, gồm cả chữ và số',
      password_too_long: 'Mật khẩu không được quá 200 ký tự',
    },
  },
};
