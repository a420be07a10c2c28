#compdef kaderd

__kaderd_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__kaderd_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __kaderd_complete "${completions[@]:0:-1}"
    fi
}

__kaderd_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_kaderd() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--socket[Unix socket to serve. (default\: $KADERD_SOCKET, then the config, then /run/kaderd/kaderd.sock)]:socket:'
        '--state-dir[Folder for the daemon'\''s state. (default\: the config, then $STATE_DIRECTORY, then /var/lib/kaderd)]:state-dir:'
        '--config[TOML config file; must exist when given. (default\: /etc/kaderd/kaderd.toml if present)]:config:'
        '--log-level[Least severe log level shown\: trace, debug, info, notice, warning, error or critical.]:log-level:'
        '--check-plugin[Check a plugin file as the daemon would load it, then exit (0 loadable, 65 refused).]:FILE:'
        '--migrate-store[Copy a whole store into an empty PostgreSQL database (--from, --to), then exit. Stop kaderd first.]'
        '--from[The store to copy\: sqlite\:PATH (with --migrate-store).]:sqlite\:PATH:'
        '--to[Where to copy it\: postgresql\:URL (with --migrate-store); the password as postgresql_password_file says.]:postgresql\:URL:'
        '--postgresql-password-file[The PostgreSQL password'\''s file (with --migrate-store; else $CREDENTIALS_DIRECTORY/postgresql-password).]:FILE:'
        '--restore[Put a backup (kaderctl backup FILE) in place of the SQLite store, once checked, then exit. Stop kaderd first; the store it replaces is kept aside.]:FILE:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        help)
            "_kaderd_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderd_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _kaderd ]]; then
    _kaderd "${@}"
else
    compdef _kaderd kaderd
fi
