import { N8nInstance } from './instance';
(async () => {
  const n = await N8nInstance.create();
  const r = await n.run(['execute', '--id=nope', '--rawOutput']);
  console.log(r.code, 'STDOUT', r.stdout.split('\n').filter(l=>!/igration/.test(l)).join('\n').slice(-4000), 'STDERR', r.stderr.slice(0, 3000));
  await n.dispose();
})();
