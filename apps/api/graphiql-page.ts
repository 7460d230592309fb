/**
 * The GraphQL IDE's page and start-up script. The script is served as a file (not inline) so the
 * Content-Security-Policy needs no inline scripts. No header is pre-filled: a placeholder
 * `Authorization` header made the first request fail. Instead a sign-in bar calls `login` and the
 * fetcher adds the token to every later request; the Headers tab still takes one explicitly.
 */
export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>GraphiQL · 信访工作联席会议平台</title>
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; font: 14px system-ui, sans-serif; }
    #signin { display: flex; gap: 8px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ddd; background: #f7f7f7; flex-wrap: wrap; }
    #signin input { padding: 3px 6px; width: 12em; }
    #signin-status { margin-left: 8px; color: #555; }
    #signin-status.error { color: #b00020; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="signin" autocomplete="off">
    <strong>登录 Sign in</strong>
    <input id="signin-tenant" name="tenantCode" placeholder="租户代码 tenant code（平台管理员留空）" />
    <input id="signin-username" name="username" placeholder="用户名 username" required />
    <input id="signin-password" name="password" type="password" placeholder="密码 password" required />
    <button id="signin-submit" type="submit">登录</button>
    <button id="signout" type="button" hidden>退出</button>
    <span id="signin-status" role="status">未登录：请求不带令牌。Not signed in.</span>
  </form>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/init.js"></script>
</body>
</html>`;

export const GRAPHIQL_INIT = `(function () {
  var token = null;
  var base = GraphiQL.createFetcher({ url: '/graphql' });
  // A header typed in the Headers tab wins; otherwise the signed-in token is sent.
  function fetcher(params, opts) {
    var headers = Object.assign({}, (opts && opts.headers) || {});
    var explicit = Object.keys(headers).some(function (k) { return k.toLowerCase() === 'authorization'; });
    if (token && !explicit) headers.Authorization = 'Bearer ' + token;
    return base(params, Object.assign({}, opts || {}, { headers: headers }));
  }
  var form = document.getElementById('signin');
  var status = document.getElementById('signin-status');
  var signout = document.getElementById('signout');
  function show(text, error) {
    status.textContent = text;
    status.className = error ? 'error' : '';
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var tenantCode = document.getElementById('signin-tenant').value.trim();
    var input = { username: document.getElementById('signin-username').value.trim(), password: document.getElementById('signin-password').value };
    if (tenantCode) input.tenantCode = tenantCode;
    show('登录中… Signing in…', false);
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { username } } }',
        variables: { input: input }
      })
    }).then(function (res) { return res.json(); }).then(function (body) {
      if (body.data && body.data.login) {
        token = body.data.login.accessToken;
        document.getElementById('signin-password').value = '';
        signout.hidden = false;
        show('已登录 Signed in: ' + body.data.login.user.username + (tenantCode ? ' @ ' + tenantCode : ''), false);
      } else {
        token = null;
        var message = body.errors && body.errors[0] ? body.errors[0].message : 'unknown error';
        show('登录失败 Sign-in failed: ' + message, true);
      }
    }).catch(function (err) { show('登录失败 Sign-in failed: ' + err.message, true); });
  });
  signout.addEventListener('click', function () {
    token = null;
    signout.hidden = true;
    show('未登录：请求不带令牌。Not signed in.', false);
  });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: [
      '# 先在上方登录（租户代码、用户名、密码），之后的请求自动带上访问令牌。',
      '# Sign in above: later requests carry the access token. Or set a header yourself in the',
      '# Headers tab, e.g.  { "Authorization": "Bearer <accessToken from the login mutation>" }',
      '',
      'query Me {',
      '  me { username displayName roles tenant { code name } }',
      '}',
      ''
    ].join('\\n')
  }));
})();`;
