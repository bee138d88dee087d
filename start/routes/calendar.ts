/*
 * 工作日历: the business calendar and its admin overrides (process and system admins).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CalendarController = () => import('#controllers/calendar_controller')

router
  .group(() => {
    router
      .get('/years/:year', [CalendarController, 'year'])
      .as('calendar.year')
      .where('year', /^\d{4}$/)
    router.post('/overrides', [CalendarController, 'create']).as('calendar.overrides.create')
    router
      .put('/overrides/:date', [CalendarController, 'update'])
      .as('calendar.overrides.update')
      .where('date', /^\d{4}-\d{2}-\d{2}$/)
    router
      .delete('/overrides/:date', [CalendarController, 'destroy'])
      .as('calendar.overrides.destroy')
      .where('date', /^\d{4}-\d{2}-\d{2}$/)
  })
  .prefix('/api/v1/calendar')
  .use(middleware.auth())
