import { localStorageStore, type Store } from 'react-admin';

/**
 * react-admin's localStorage store, except that signing out keeps the chosen language: react-admin
 * resets the whole store on logout, and the next person at the desk should not lose the language.
 */
export function createStore(): Store {
  const store = localStorageStore('1', 'SoQuy');
  return {
    ...store,
    reset() {
      const locale = store.getItem<string>('locale');
      store.reset();
      if (locale) store.setItem('locale', locale);
    },
  };
}
