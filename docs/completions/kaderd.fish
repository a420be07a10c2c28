function __kaderd_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kaderd_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kaderd_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kaderd_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kaderd_parse_tokens -S
    set -l unparsed_tokens (__kaderd_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kaderd'
        __kaderd_parse_subcommand 0 'socket=' 'state-dir=' 'config=' 'log-level=' 'check-plugin=' 'migrate-store' 'from=' 'to=' 'postgresql-password-file=' 'restore=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __kaderd_parse_subcommand -r 1 'version'
        end
    end
end

function __kaderd_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kaderd_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kaderd_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kaderd_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kaderd_tokens -p)
    if test -z "$(__kaderd_tokens -t)"
        set -l index (count (__kaderd_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kaderd' -f
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" socket' -l 'socket' -d 'Unix socket to serve. (default: $KADERD_SOCKET, then the config, then /run/kaderd/kaderd.sock)' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" state-dir' -l 'state-dir' -d 'Folder for the daemon\'s state. (default: the config, then $STATE_DIRECTORY, then /var/lib/kaderd)' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" config' -l 'config' -d 'TOML config file; must exist when given. (default: /etc/kaderd/kaderd.toml if present)' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" log-level' -l 'log-level' -d 'Least severe log level shown: trace, debug, info, notice, warning, error or critical.' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" check-plugin' -l 'check-plugin' -d 'Check a plugin file as the daemon would load it, then exit (0 loadable, 65 refused).' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" migrate-store' -l 'migrate-store' -d 'Copy a whole store into an empty PostgreSQL database (--from, --to), then exit. Stop kaderd first.'
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" from' -l 'from' -d 'The store to copy: sqlite:PATH (with --migrate-store).' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" to' -l 'to' -d 'Where to copy it: postgresql:URL (with --migrate-store); the password as postgresql_password_file says.' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" postgresql-password-file' -l 'postgresql-password-file' -d 'The PostgreSQL password\'s file (with --migrate-store; else $CREDENTIALS_DIRECTORY/postgresql-password).' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" restore' -l 'restore' -d 'Put a backup (kaderctl backup FILE) in place of the SQLite store, once checked, then exit. Stop kaderd first; the store it replaces is kept aside.' -rfka ''
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" version' -l 'version' -d 'Show the version.'
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_positional "kaderd" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kaderd' -n '__kaderd_should_offer_completions_for_flags_or_options "kaderd help" version' -l 'version' -d 'Show the version.'
