;; Driven by emacs.test.ts: opens $CONFIG with the shipped setup, waits for the server's
;; diagnostics, saves (fixes + formatting), and writes what happened to $RESULT as JSON.
(require 'json)
(setq haproxy-lint-command (list "node" (getenv "SERVER") "--stdio"))
(load (getenv "SETUP") nil t)
(setq haproxy-lint-format-on-save t)
(setq eglot-sync-connect 10)
(defun wait-for (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))
(let ((result nil))
  (condition-case err
      (progn
        (find-file (getenv "CONFIG"))
        ;; eglot-ensure connects after the next command; batch mode runs no command loop
        (run-hooks 'post-command-hook)
        (push (cons 'mode (symbol-name major-mode)) result)
        (push (cons 'server (if (wait-for #'eglot-current-server 20) t :json-false)) result)
        (wait-for (lambda () (flymake-diagnostics)) 20)
        (push (cons 'diagnostics (vconcat (mapcar (lambda (d) (flymake-diagnostic-text d)) (flymake-diagnostics)))) result)
        ;; as after an edit: an unmodified buffer is not saved at all
        (set-buffer-modified-p t)
        (save-buffer)
        (push (cons 'written (with-temp-buffer (insert-file-contents (getenv "CONFIG")) (buffer-string))) result))
    (error (push (cons 'error (format "%S" err)) result)))
  (with-temp-file (getenv "RESULT") (insert (json-encode result)))
  (kill-emacs 0))
