import { likeEscape, viFold } from '../../api/src/common/text';

describe('viFold', () => {
  it.each([
    ['Hải Hậu', 'hai hau'],
    ['HẢI HẬU', 'hai hau'],
    ['Thị trấn Gôi', 'thi tran goi'],
    ['Đền ơn đáp nghĩa', 'den on dap nghia'],
    ['Quỹ Bảo trợ trẻ em', 'quy bao tro tre em'],
    ['  Nghĩa   Hưng ', 'nghia hung'],
    ['Ỷ Lan ỹ ự ờ', 'y lan y u o'],
    ['hai hau', 'hai hau'],
  ])('folds %p to %p', (input, expected) => {
    expect(viFold(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(viFold('Hải Hậu'.normalize('NFD'))).toBe('hai hau');
  });

  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
