-- haproxy-lint language server for Neovim 0.7.2 (Debian 12) to 0.11: diagnostics, quick fixes
-- (`vim.lsp.buf.code_action()`), completion (`<C-x><C-o>`), go to definition, references,
-- rename, outline, hover docs (`K`), "fix all safe problems" on save and, if you want it,
-- formatting on save.
--
-- Install the server so that `haproxy-lint-lsp` is on PATH, then put this file in
-- ~/.config/nvim/plugin/ (or `:luafile` it). Options, set before it loads (all optional):
--
--   vim.g.haproxy_lint = {
--     cmd = { 'haproxy-lint-lsp', '--stdio' },
--     settings = { app = 'django', targetVersion = '2.8', rules = { ['rstatus-plain-number'] = 'off' } },
--     fix_on_save = true,      -- apply the safe fixes before writing (what `haproxy-lint --fix` does)
--     format_on_save = false,  -- format before writing (what `haproxy-lint format` does)
--   }
--
-- Works from 0.7 on: vim.lsp.start where it exists (0.8+), else start_client + buf_attach_client
-- (one client per root directory); direct requests for the fixes and formatting.

local options = vim.g.haproxy_lint or {}
local cmd = options.cmd or { 'haproxy-lint-lsp', '--stdio' }
local fix_on_save = options.fix_on_save ~= false
local format_on_save = options.format_on_save == true

-- An empty Lua table is encoded as a JSON array: send an empty object instead.
local function settings_section()
  local section = options.settings
  if type(section) ~= 'table' or next(section) == nil then return vim.empty_dict() end
  return section
end

local group = vim.api.nvim_create_augroup('haproxy-lint', { clear = true })

-- Neovim knows `haproxy*.cfg`; also claim every *.cfg below a haproxy/ directory.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  group = group,
  pattern = { '*/haproxy/*.cfg', 'haproxy*.cfg' },
  -- after Neovim's own detection, which calls any *.cfg 'cfg'
  command = 'set filetype=haproxy',
})

local uv = vim.uv or vim.loop

-- The directory holding .haproxy-lint.json, package.json or .git above a file, else the file's own.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local current = dir
  while current and current ~= '' do
    for _, marker in ipairs({ '.haproxy-lint.json', 'package.json', '.git' }) do
      if uv.fs_stat(current .. '/' .. marker) then return current end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then break end
    current = parent
  end
  return dir
end

local clients_by_root = {}

local function client_config(root)
  return {
    name = 'haproxy-lint',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    -- answered to the server's workspace/configuration requests (section "haproxy-lint");
    -- same keys as .haproxy-lint.json, which the server also reads (these win over it)
    settings = { ['haproxy-lint'] = settings_section() },
  }
end

-- Starts (or reuses) the client of a root directory and attaches the buffer to it.
local function attach(bufnr, root)
  if vim.lsp.start then
    -- 0.8+: reuses a client with the same name and root by itself
    local id = vim.lsp.start(client_config(root), { bufnr = bufnr })
    clients_by_root[root] = id
    return id
  end
  local id = clients_by_root[root]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = 'haproxy',
  callback = function(args)
    local name = vim.api.nvim_buf_get_name(args.buf)
    if name == '' then return end
    if attach(args.buf, root_of(name)) then vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc' end
  end,
})

local function attached_client(bufnr)
  for _, id in pairs(clients_by_root) do
    local client = vim.lsp.get_client_by_id(id)
    if client and vim.lsp.buf_is_attached(bufnr, id) then return client end
  end
end

local function whole_document(bufnr)
  return { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } }
end

-- buf_request_sync exists in every version (client:request_sync is a method only since 0.11)
local function request_sync(bufnr, client, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 3000)
  return responses and responses[client.id]
end

-- Runs synchronously so that the file written has the changes.
vim.api.nvim_create_autocmd('BufWritePre', {
  group = group,
  callback = function(args)
    if vim.bo[args.buf].filetype ~= 'haproxy' then return end
    local client = attached_client(args.buf)
    if not client then return end
    local uri = vim.uri_from_bufnr(args.buf)
    if fix_on_save then
      local params = { textDocument = { uri = uri }, range = whole_document(args.buf), context = { only = { 'source.fixAll.haproxy-lint' }, diagnostics = {} } }
      local response = request_sync(args.buf, client, 'textDocument/codeAction', params)
      for _, action in ipairs((response and response.result) or {}) do
        if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
      end
    end
    if format_on_save then
      local params = { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } }
      local response = request_sync(args.buf, client, 'textDocument/formatting', params)
      if response and response.result then vim.lsp.util.apply_text_edits(response.result, args.buf, client.offset_encoding or 'utf-16') end
    end
  end,
})
