-- haproxy-lint language server for Neovim (0.10 or newer): diagnostics, quick fixes
-- (`vim.lsp.buf.code_action()`), hover docs (`K`) and "fix all safe problems" on save.
--
-- Install the server (`npm install -g haproxy-lint`, which puts haproxy-lint-lsp on PATH),
-- then put this file in ~/.config/nvim/plugin/ or require it from your init.lua.

-- Neovim knows `haproxy*.cfg`; also claim every *.cfg below a haproxy/ directory.
vim.filetype.add({
  pattern = {
    ['.*/haproxy/.*%.cfg'] = 'haproxy',
    ['.*/haproxy[^/]*%.cfg'] = 'haproxy',
  },
})

local group = vim.api.nvim_create_augroup('haproxy-lint', { clear = true })

vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = 'haproxy',
  callback = function(args)
    vim.lsp.start({
      name = 'haproxy-lint',
      cmd = { 'haproxy-lint-lsp', '--stdio' },
      root_dir = vim.fs.root(args.buf, { '.haproxy-lint.json', 'package.json', '.git' })
        or vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
      -- answered to the server's workspace/configuration requests (section "haproxy-lint");
      -- same keys as .haproxy-lint.json, which the server also reads (these win over it)
      settings = {
        ['haproxy-lint'] = {
          -- app = 'django',
          -- targetVersion = '2.8',
          -- rules = { ['rstatus-plain-number'] = 'off' },
          -- run = 'onSave',
        },
      },
    })
  end,
})

-- Apply the safe fixes before writing (what `haproxy-lint --fix` does), synchronously so the
-- written file has them. Remove this block to fix only on demand.
vim.api.nvim_create_autocmd('BufWritePre', {
  group = group,
  callback = function(args)
    if vim.bo[args.buf].filetype ~= 'haproxy' then return end
    local clients = vim.lsp.get_clients({ bufnr = args.buf, name = 'haproxy-lint' })
    if #clients == 0 then return end
    local params = vim.lsp.util.make_range_params(0, clients[1].offset_encoding)
    params.context = { only = { 'source.fixAll.haproxy-lint' }, diagnostics = {} }
    local results = vim.lsp.buf_request_sync(args.buf, 'textDocument/codeAction', params, 2000)
    for client_id, response in pairs(results or {}) do
      for _, action in ipairs(response.result or {}) do
        if action.edit then
          vim.lsp.util.apply_workspace_edit(action.edit, vim.lsp.get_client_by_id(client_id).offset_encoding)
        end
      end
    end
  end,
})
