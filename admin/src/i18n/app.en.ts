/**
 * The console's own messages in English. Their shape is the reference: app.vi.ts must have
 * exactly the same keys (checked by the type-checker).
 */
export const appEnglish = {
  resources: {
    AdministrativeUnit: {
      name: 'Administrative unit |||| Administrative units',
      forcedCaseName: 'administrative unit |||| administrative units',
      fields: {
        id: 'Id',
        code: 'Code',
        name: 'Name',
        nameWithType: 'Unit',
        level: 'Level',
        type: 'Kind',
        parentId: 'Part of',
        validFrom: 'In force from',
        validTo: 'In force until',
        q: 'Search',
      },
    },
    User: {
      name: 'User |||| Users',
      forcedCaseName: 'user |||| users',
      fields: {
        id: 'Id',
        email: 'Email',
        fullName: 'Full name',
        role: 'Role',
        unitId: 'Unit',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        updatedAt: 'Last changed',
        password: 'Password',
        q: 'Search',
      },
      page: {
        create: 'New user',
      },
    },
  },
  soquy: {
    app: {
      title: 'Sổ Quỹ',
      tagline: 'Gratitude Fund and Child Protection Fund ledgers',
    },
    language: 'Language',
    unitLevel: {
      PROVINCE: 'Province',
      DISTRICT: 'District',
      COMMUNE: 'Commune',
    },
    unitType: {
      tinh: 'Province',
      'thanh-pho': 'City',
      huyen: 'District',
      'thi-xa': 'Town',
      phuong: 'Ward',
      xa: 'Commune',
      'thi-tran': 'Township',
    },
    role: {
      ADMIN: 'System administrator',
      FUND_MANAGER: 'Fund accountant',
      GRANT_OFFICER: 'Grant officer',
      INSPECTOR: 'Inspector',
    },
    units: {
      breadcrumb: 'Units above this one',
      children: 'Units directly below',
      no_children: 'No unit lies directly below this one.',
    },
    users: {
      reset_password: 'Reset password',
      reset_password_title: 'Reset the password of %{name}',
      reset_password_help: 'The user is signed out everywhere and signs in again with the new password.',
      new_password: 'New password',
      password_reset: 'The password of %{name} was reset',
      password_help: 'At least 10 characters, with letters and digits',
      signed_in_as: 'Signed in to %{unit} as %{role}',
    },
    validation: {
      password_rule: 'Use at least 10 characters, with at least one letter and one digit',
      password_too_long: 'Use at most 200 characters',
    },
  },
};

export type AppMessages = typeof appEnglish;
