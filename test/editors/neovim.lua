-- Driven by neovim.test.ts: `nvim --headless --clean -u NONE -l`-style run of the shipped setup
-- on a file, writing what happened to $RESULT as JSON. Works on Neovim 0.7.2 and newer.
local result_path = os.getenv('RESULT')
local config = os.getenv('CONFIG')
local server = os.getenv('SERVER')
local result = { steps = {} }

local function finish()
  local file = io.open(result_path, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.g.haproxy_lint = { cmd = { 'node', server, '--stdio' }, format_on_save = true }
  vim.cmd('filetype on')
  vim.cmd('luafile ' .. os.getenv('SETUP'))
  vim.cmd('edit ' .. config)
  result.filetype = vim.bo.filetype
  local attached = vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
  result.attached = attached
  local client = vim.lsp.buf_get_clients(0)[next(vim.lsp.buf_get_clients(0))]
  if client then result.settings = vim.fn.json_encode(client.config.settings['haproxy-lint']) end
  vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(result.diagnostics, { code = d.code, line = d.lnum + 1, source = d.source }) end
  vim.cmd('write')
  result.written = table.concat(vim.fn.readfile(config, 'b'), '\n')
  result.messages = vim.fn.execute('messages')
end)
if not ok then result.error = tostring(err) end
finish()
