-- test/nvim/lsp-diag.lua -- Neovim 0.7 (Debian) headless: the EHCP language server's diagnostics reach a
-- second real LSP client. Run by test/nvim/run.sh:
--   nvim --headless --clean -u test/nvim/lsp-diag.lua PLAN.ehcp.md
-- Env: LSP_CMD (default "node dist/server.cjs --stdio"), LSP_TIMEOUT_MS (default 15000),
--      EXPECT_CODE_PATTERN (Lua pattern one diagnostic code must match; default "^outcome%-").
-- Exit 0 when diagnostics with rule-id codes arrive (and vim.diagnostic sees them); 1 on timeout, no codes
-- or server death; 2 when the client cannot start.
-- 0.7 has no vim.lsp.start (0.8) and no `nvim -l` (0.9): use start_client + buf_attach_client.
local file = vim.fn.fnamemodify(vim.fn.argv(0), ':p')
local server_cmd = vim.split(os.getenv('LSP_CMD') or 'node dist/server.cjs --stdio', ' ', { trimempty = true })
local timeout_ms = tonumber(os.getenv('LSP_TIMEOUT_MS') or '15000')
local expect = os.getenv('EXPECT_CODE_PATTERN') or '^outcome%-'
local got = nil
local exited = nil
local function out(s) io.stdout:write(s .. '\n') end

local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  -- The server may publish an empty set first (e.g. while linting); wait for a non-empty one.
  if result and result.uri == vim.uri_from_fname(file) and #result.diagnostics > 0 then got = result end
  return default(err, result, ctx, config)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'markdown'
local t0 = vim.loop.hrtime()
local client_id = vim.lsp.start_client({
  name = 'ehcp',
  cmd = server_cmd,
  root_dir = vim.fn.getcwd(),
  workspace_folders = { { uri = vim.uri_from_fname(vim.fn.getcwd()), name = 'ws' } },
  -- Answer workspace/configuration for section "ehcp" (the server pulls its settings).
  settings = { ehcp = { enable = true, rules = {}, fundingSchemes = {}, asOf = os.getenv('EHCP_AS_OF') or '' } },
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not client_id then out('FAIL: could not start the client for: ' .. table.concat(server_cmd, ' ')); vim.cmd('cquit 2') end
vim.lsp.buf_attach_client(0, client_id)

local ok = vim.wait(timeout_ms, function() return got ~= nil or exited ~= nil end, 20)
if exited and not got then
  out(('FAIL: server exited (code %s, signal %s) before publishing diagnostics'):format(exited.code, exited.signal)); vim.cmd('cquit 1')
end
if not ok or not got then out('FAIL: no diagnostics for ' .. file .. ' within ' .. timeout_ms .. ' ms'); vim.cmd('cquit 1') end
local elapsed = (vim.loop.hrtime() - t0) / 1e6

local with_code, matched = 0, false
for _, d in ipairs(got.diagnostics) do
  local code = d.code and tostring(d.code) or ''
  if code:match('^[a-z0-9]+[a-z0-9%-]*$') then with_code = with_code + 1 end
  if code:match(expect) then matched = true end
  out(vim.fn.json_encode({ line = d.range.start.line + 1, col = d.range.start.character + 1, severity = d.severity,
    source = d.source, code = d.code, message = d.message }))
end
-- vim.diagnostic is fed by the default handler (possibly after a scheduled callback): wait for it too.
vim.wait(2000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local seen = #vim.diagnostic.get(0)
out(('%d diagnostics (%d with rule-id codes) after %.0f ms; vim.diagnostic.get() sees %d'):format(#got.diagnostics, with_code, elapsed, seen))

local fail = nil
if with_code ~= #got.diagnostics then fail = 'every diagnostic must carry its rule id as code' end
if not matched then fail = 'no diagnostic code matches ' .. expect end
if seen == 0 then fail = 'vim.diagnostic.get() sees nothing' end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.tbl_isempty(vim.lsp.get_active_clients()) end, 20)
if fail then out('FAIL: ' .. fail); vim.cmd('cquit 1') end
out('OK')
vim.cmd('qall!')
