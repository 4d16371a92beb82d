import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createPromotionsRepo } from './promotions.repo.ts';
import { promotionsRoutes } from './promotions.routes.ts';
import { createPromotionsService } from './promotions.service.ts';

export async function registerPromotions(deps: ModuleDeps & { guard: AuthGuard }) {
  const { app, db, clock, audit, guard } = deps;
  const repo = createPromotionsRepo(db);
  const promotions = createPromotionsService({ repo, audit, clock });
  await app.register(promotionsRoutes, { promotions, guard });
  return { promotionsRepo: repo };
}
