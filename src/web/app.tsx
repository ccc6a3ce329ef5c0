// The app shell: who is signed in, which language, which page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TMe } from '../shared/auth.schemas';
import type { TLocale } from '../shared/common.schemas';
import { setCsrfToken, setUnauthenticatedHandler } from './api';
import { Header } from './components/header';
import { ErrorMessage, Loading } from './components/ui';
import { I18nProvider, storedLocale, storeLocale, translate } from './i18n/i18n';
import { AdminHome } from './pages/admin-home';
import { LoginPage } from './pages/login-page';
import { NotFound } from './pages/not-found';
import { PlannerHome } from './pages/planner-home';
import { RegionHome, RegionPage } from './pages/region-home';
import { WorkerHome, WorkerPage } from './pages/worker-home';
import { getMe, logOut, updateMyLocale } from './requests';
import { matchPath, navigate, usePath } from './router';
import { canBrowsePool, MeContext, primaryRole } from './session';
import { marketplaceRoute } from './marketplace/routes';
import { planningRoute } from './planning/routes';
import { mediationRoute } from './mediation/routes';
import { journeyRoute } from './journey/routes';
import { competencesRoute } from './competences/routes';
import { RegisterPage } from './journey/register-page';

type Session = { status: 'loading' } | { status: 'anonymous' } | { status: 'signedIn'; me: TMe };

export function App() {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [locale, setLocaleState] = useState<TLocale>(storedLocale);
  const [localeError, setLocaleError] = useState<unknown>(null);
  /** A language picked on the login page is carried over to the account after login. */
  const pickedBeforeLogin = useRef(false);
  const path = usePath();

  const signIn = useCallback((me: TMe) => {
    setCsrfToken(me.csrfToken);
    setSession({ status: 'signedIn', me });
    setLocaleState(me.locale);
    storeLocale(me.locale);
  }, []);

  const signOut = useCallback(() => {
    setCsrfToken(null);
    setSession({ status: 'anonymous' });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(signOut);
    getMe().then(signIn, signOut);
    return () => setUnauthenticatedHandler(null);
  }, [signIn, signOut]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${translate(locale, 'app.name')} · ${translate(locale, 'app.tagline')}`;
  }, [locale]);

  const me = session.status === 'signedIn' ? session.me : null;

  const setLocale = (next: TLocale) => {
    setLocaleState(next);
    storeLocale(next);
    setLocaleError(null);
    if (!me) {
      pickedBeforeLogin.current = true;
      return;
    }
    updateMyLocale(next).then(
      (updated) => setSession({ status: 'signedIn', me: updated }),
      setLocaleError,
    );
  };

  const handleLoggedIn = (loggedIn: TMe) => {
    const wanted = locale;
    signIn(loggedIn);
    if (pickedBeforeLogin.current && wanted !== loggedIn.locale) {
      setLocaleState(wanted);
      storeLocale(wanted);
      updateMyLocale(wanted).then((updated) => setSession({ status: 'signedIn', me: updated }), setLocaleError);
    }
    pickedBeforeLogin.current = false;
    if (path === '/login') navigate('/', { replace: true });
  };

  const handleLogOut = () => {
    // Leave even when the server cannot be reached: this browser forgets the session either way.
    const leave = () => {
      signOut();
      navigate('/login');
    };
    logOut().then(leave, leave);
  };

  useEffect(() => {
    if (me && path === '/login') navigate('/', { replace: true });
  }, [me, path]);

  // After a client-side navigation, start keyboard and screen-reader users at the new page.
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    document.getElementById('main')?.focus();
  }, [path]);

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <Header me={me} onLogOut={handleLogOut} />
      <main id="main" className="main" tabIndex={-1}>
        {localeError !== null && <ErrorMessage error={localeError} />}
        {session.status === 'loading' && <Loading />}
        {session.status === 'anonymous' && (path === '/register' ? <RegisterPage onLoggedIn={handleLoggedIn} /> : <LoginPage onLoggedIn={handleLoggedIn} />)}
        {me && (
          <MeContext value={me}>
            <SignedInRoutes me={me} path={path} />
          </MeContext>
        )}
      </main>
    </I18nProvider>
  );
}

function SignedInRoutes({ me, path }: { me: TMe; path: string }) {
  if (path === '/' || path === '/login') return <RoleHome me={me} />;
  const worker = matchPath('/workers/:id', path);
  if (worker && canBrowsePool(me)) return <WorkerPage workerId={worker.id!} />;
  const region = matchPath('/regions/:id', path);
  if (region && canBrowsePool(me)) return <RegionPage regionId={region.id!} />;
  return marketplaceRoute(me, path) ?? planningRoute(me, path) ?? mediationRoute(me, path) ?? journeyRoute(me, path) ?? competencesRoute(me, path) ?? <NotFound />;
}

function RoleHome({ me }: { me: TMe }) {
  const role = primaryRole(me);
  switch (role) {
    case 'admin':
      return <AdminHome />;
    case 'coordinator':
    case 'mediator':
      return <RegionHome me={me} />;
    case 'planner':
      return <PlannerHome me={me} />;
    case 'worker':
      return <WorkerHome me={me} />;
  }
}
