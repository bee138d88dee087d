import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { setUnauthorizedHandler } from './api/http'
import { i18n } from './locales'
import { router } from './router'
import { useSessionStore } from './stores/session'
import './styles/index.css'
import './styles/element'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

// A 401 on any later call means the session ended (idle timeout, logout elsewhere): back to login.
setUnauthorizedHandler(() => {
  useSessionStore(pinia).clear()
  const current = router.currentRoute.value
  if (!current.meta.public) {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
  }
})

app.mount('#app')
