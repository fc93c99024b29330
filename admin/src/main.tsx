import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createHashRouter } from 'react-router-dom';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

/**
 * The console's hash router, created once, rather than the one react-admin creates for itself.
 * react-router 7 applies location changes in a React transition by default; when react-admin
 * signs a visitor out (no session at start-up, the Logout button, an expired session), its auth
 * queries re-render the app faster than that transition commits, and the redirect to #/login is
 * retried hundreds of times before it lands: a blank page for 10–15 s (react-admin issue #10764).
 * Without transitions the redirect lands at once. react-admin uses a router it finds around it.
 */
const router = createHashRouter([{ path: '*', element: <App /> }]);

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} useTransitions={false} />
  </StrictMode>,
);
