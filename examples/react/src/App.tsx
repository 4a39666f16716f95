import { useEffect, useState } from 'react';
import { GateApp, type FlowChangeEvent, type SignedInEvent } from '@gatehouse/elements/react';
import { authorizationUrl, settings, signedIn } from './gatehouse.ts';

function SignIn() {
  const [url, setUrl] = useState<string>();
  const [step, setStep] = useState('');
  useEffect(() => {
    authorizationUrl().then(setUrl, (error: unknown) => console.error(error));
  }, []);
  if (!url) return <p>Loading…</p>;
  return (
    <>
      <GateApp
        server={settings.gatehouse}
        tenant={settings.tenant}
        policy={settings.policy}
        authorizationUrl={url}
        onFlowChange={(event: FlowChangeEvent) => setStep(event.detail.step)}
        onSignedIn={(event: SignedInEvent) => console.info('on to', event.detail.url)}
      />
      <p className="step">Step: {step}</p>
    </>
  );
}

function Callback() {
  const [user, setUser] = useState<{ email: string; sub: string }>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    signedIn().then(setUser, (error: unknown) => setProblem(String(error)));
  }, []);
  if (problem) return <p role="alert">{problem}</p>;
  if (!user) return <p>Signing you in…</p>;
  return (
    <>
      <h1>Signed in</h1>
      <p>
        Welcome, <strong>{user.email}</strong> (subject <code>{user.sub}</code>).
      </p>
    </>
  );
}

export function App() {
  return <main>{location.pathname === '/callback' ? <Callback /> : <SignIn />}</main>;
}
