import { useEffect } from 'react';
import { ComingSoonPanel } from '../components/ComingSoonPanel.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { CartsPage } from '../features/carts/CartsPage.tsx';
import { CategoriesPage } from '../features/categories/CategoriesPage.tsx';
import { CounterPage } from '../features/counter/CounterPage.tsx';
import { DevicesPage } from '../features/devices/DevicesPage.tsx';
import { OrdersPage } from '../features/orders/OrdersPage.tsx';
import { PhoneApp } from '../features/phone/PhoneApp.tsx';
import { ProductsPage } from '../features/products/ProductsPage.tsx';
import { PromotionsPage } from '../features/promotions/PromotionsPage.tsx';
import { ReviewsPage } from '../features/reviews/ReviewsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { StatusPage } from '../features/status/StatusPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { AppProviders } from './AppProviders.tsx';
import { redirectTo, useHashPath } from './hash-route.hook.ts';
import { hrefOf, isPhonePath, pageById, resolveRoute, type PageId } from './routes.config.ts';
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
    case 'carts':
      return <CartsPage />;
    case 'counter':
      return <CounterPage />;
    case 'devices':
      return <DevicesPage />;
    case 'orders':
      return <OrdersPage />;
    case 'promotions':
      return <PromotionsPage />;
    case 'settings':
      return <SettingsPage />;
  }
  return <ComingSoonPanel label={pageById(page).label} />;
}

function ConsoleRoutes({ path }: { path: string }) {
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

/** `#/phone` is the shoppers' app; every other path belongs to the staff console. */
function AppRoutes() {
  const path = useHashPath();
  return isPhonePath(path) ? <PhoneApp /> : <ConsoleRoutes path={path} />;
}

export function App() {
  return (
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  );
}
