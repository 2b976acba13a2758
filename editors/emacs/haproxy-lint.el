;;; haproxy-lint.el --- haproxy-lint language server through eglot  -*- lexical-binding: t; -*-

;; Diagnostics (flymake), quick fixes (`eglot-code-actions'), completion, go to definition,
;; references, rename (`eglot-rename'), outline (imenu), hover docs (eldoc) and, on save, the safe
;; fixes and formatting, for HAProxy configuration files.
;;
;; Needs eglot: built into Emacs 29+; on Emacs 28 (Debian 12) `apt-get install elpa-eglot'.
;; Install the server so that `haproxy-lint-lsp' is on PATH, then (load "/path/to/haproxy-lint.el").
;; Settings the server asks for (section "haproxy-lint", same keys as .haproxy-lint.json):
;;   (setq-default eglot-workspace-configuration
;;                 '((:haproxy-lint . (:app "django" :targetVersion "2.8"))))

(require 'eglot)

(defgroup haproxy-lint nil "HAProxy configuration files with haproxy-lint." :group 'languages)

(defcustom haproxy-lint-command '("haproxy-lint-lsp" "--stdio")
  "The language server command." :type '(repeat string))

(defcustom haproxy-lint-fix-on-save t
  "Apply the safe fixes before saving (what `haproxy-lint --fix' does)." :type 'boolean)

(defcustom haproxy-lint-format-on-save nil
  "Format before saving (what `haproxy-lint format' does)." :type 'boolean)

(define-derived-mode haproxy-mode prog-mode "HAProxy"
  "Major mode for HAProxy configuration files."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (modify-syntax-entry ?# "<" haproxy-mode-syntax-table)
  (modify-syntax-entry ?\n ">" haproxy-mode-syntax-table)
  (modify-syntax-entry ?_ "w" haproxy-mode-syntax-table)
  (modify-syntax-entry ?- "w" haproxy-mode-syntax-table))

(add-to-list 'auto-mode-alist '("/haproxy[^/]*\\.cfg\\'" . haproxy-mode))
(add-to-list 'auto-mode-alist '("/haproxy/.*\\.cfg\\'" . haproxy-mode))
(add-to-list 'eglot-server-programs `(haproxy-mode . ,haproxy-lint-command))

(defun haproxy-lint--fix-all ()
  "Apply the server's `source.fixAll.haproxy-lint' action to the buffer."
  (let* ((server (eglot-current-server))
         (actions (and server
                       (jsonrpc-request server :textDocument/codeAction
                                        (list :textDocument (eglot--TextDocumentIdentifier)
                                              :range (list :start (eglot--pos-to-lsp-position (point-min))
                                                           :end (eglot--pos-to-lsp-position (point-max)))
                                              :context (list :diagnostics [] :only ["source.fixAll.haproxy-lint"]))))))
    (seq-doseq (action actions)
      (let ((edit (plist-get action :edit)))
        (when edit (eglot--apply-workspace-edit edit))))))

(defun haproxy-lint--before-save ()
  (when (eglot-current-server)
    (when haproxy-lint-fix-on-save (haproxy-lint--fix-all))
    (when haproxy-lint-format-on-save (eglot-format-buffer))))

(defun haproxy-lint--setup ()
  (eglot-ensure)
  (add-hook 'before-save-hook #'haproxy-lint--before-save nil t))

(add-hook 'haproxy-mode-hook #'haproxy-lint--setup)

(provide 'haproxy-lint)
;;; haproxy-lint.el ends here
