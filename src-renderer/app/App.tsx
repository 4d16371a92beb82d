import { useEffect } from 'react';
import { ComingSoonPanel } from '../components/ComingSoonPanel.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { CategoriesPage } from '../features/categories/CategoriesPage.tsx';
import { ProductsPage } from '../features/products/ProductsPage.tsx';
import { ReviewsPage } from '../features/reviews/ReviewsPage.tsx';
import { StatusPage } from '../features/status/StatusPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AppProviders } from './AppProviders.tsx';
import { redirectTo, useHashPath } from './hash-route.hook.ts';
import { hrefOf, pageById, resolveRoute, type PageId } from './routes.config.ts';
import { useSession } from './session/session.context.ts';

function PageContent({ page }: { page: PageId }) {
  switch (page) {
    case 'status':
      return <StatusPage />;
    case 'products':
      return <ProductsPage />;
    case 'categories':
      return <CategoriesPage />;
    case 'reviews':
      return <ReviewsPage />;
  }
  return <ComingSoonPanel label={pageById(page).label} />;
}

function AppRoutes() {
  const path = useHashPath();
  const { session } = useSession();
  const route = resolveRoute(path, session !== null);
  const href = hrefOf(route);

  // Keep the address bar honest after a redirect (signed out, signed in, or unknown path).
  useEffect(() => {
    if (window.location.hash !== href) redirectTo(href);
  }, [href, path]);

  if (route === 'login' || !session) return <LoginPage />;
  return (
    <AppLayout current={route} session={session}>
      <PageContent page={route} />
    </AppLayout>
  );
}

export function App() {
  return (
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  );
}
