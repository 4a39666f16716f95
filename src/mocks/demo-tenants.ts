import type { MockTenant } from './mock-backend.js';

/** The demo tenant that dev mode, `npm start` and the component tests run against. */
export const demoTenants: MockTenant[] = [
  {
    config: {
      tenant: 'contoso',
      displayName: 'Contoso',
      locales: ['en'],
      defaultLocale: 'en',
      selfServiceReset: true,
      passwordRules: { minLength: 15, maxLength: 128 },
    },
    users: [
      { email: 'ada@contoso.example', password: 'correct horse battery staple' },
      { email: 'grace@contoso.example', password: 'compilers are friendly' },
    ],
  },
  {
    config: {
      tenant: 'fabrikam',
      displayName: 'Fabrikam',
      locales: ['en'],
      defaultLocale: 'en',
      selfServiceReset: false,
      passwordRules: { minLength: 12, maxLength: 128 },
    },
    users: [{ email: 'alan@fabrikam.example', password: 'turing machines halt' }],
  },
];
