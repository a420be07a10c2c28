function __kaderctl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kaderctl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kaderctl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kaderctl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kaderctl_parse_tokens -S
    set -l unparsed_tokens (__kaderctl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kaderctl'
        __kaderctl_parse_subcommand 0 'socket=' 'json' 'timeout=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'status'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
        case 'region'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'provinces'
                __kaderctl_parse_subcommand 0 'version' 'h/help'
            case 'search'
                __kaderctl_parse_subcommand 1 'level=' 'within=' 'limit=' 'all' 'cursor=' 'version' 'h/help'
            end
        case 'program'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __kaderctl_parse_subcommand 0 'version' 'h/help'
            case 'show'
                __kaderctl_parse_subcommand 1 'program-version=' 'version' 'h/help'
            end
        case 'cadre'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'register'
                __kaderctl_parse_subcommand 0 'name=' 'sex=' 'birth-year=' 'field=' 'village=' 'education=' 'course=+' 'address=' 'status=' 'notes=' 'allow-duplicate' 'version' 'h/help'
            case 'list'
                __kaderctl_parse_subcommand 0 'province=' 'regency=' 'district=' 'village=' 'status=' 'withdrawn' 'limit=' 'all' 'cursor=' 'version' 'h/help'
            case 'show'
                __kaderctl_parse_subcommand 1 'version' 'h/help'
            case 'update'
                __kaderctl_parse_subcommand 1 'name=' 'sex=' 'birth-year=' 'field=' 'village=' 'education=' 'course=+' 'address=' 'status=' 'notes=' 'reason=' 'version' 'h/help'
            case 'withdraw'
                __kaderctl_parse_subcommand 1 'reason=' 'version' 'h/help'
            end
        case 'import'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'cadres'
                __kaderctl_parse_subcommand 1 'allow-duplicate' 'dry-run' 'version' 'h/help'
            end
        case 'workflow'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'start'
                __kaderctl_parse_subcommand 0 'cadre=' 'cadres=' 'start-date=' 'program=' 'program-version=' 'facilitator=' 'version' 'h/help'
            case 'list'
                __kaderctl_parse_subcommand 0 'province=' 'regency=' 'district=' 'village=' 'state=' 'cadre=' 'limit=' 'all' 'cursor=' 'version' 'h/help'
            case 'show'
                __kaderctl_parse_subcommand 1 'version' 'h/help'
            case 'cancel'
                __kaderctl_parse_subcommand 1 'reason=' 'version' 'h/help'
            end
        case 'task'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __kaderctl_parse_subcommand 0 'province=' 'regency=' 'district=' 'village=' 'state=' 'workflow=' 'facilitator=' 'conflicts' 'from=' 'to=' 'next-month' 'limit=' 'all' 'cursor=' 'version' 'h/help'
            case 'show'
                __kaderctl_parse_subcommand 1 'version' 'h/help'
            case 'start'
                __kaderctl_parse_subcommand 1 'force' 'reason=' 'version' 'h/help'
            case 'complete'
                __kaderctl_parse_subcommand 1 'record=+' 'note=' 'force' 'reason=' 'version' 'h/help'
            case 'cancel'
                __kaderctl_parse_subcommand 1 'reason=' 'version' 'h/help'
            case 'reschedule'
                __kaderctl_parse_subcommand 1 'to=' 'reason=' 'force' 'version' 'h/help'
            end
        case 'facilitator'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'register'
                __kaderctl_parse_subcommand 0 'name=' 'role=' 'phone=' 'email=' 'capacity=' 'working-days=' 'version' 'h/help'
            case 'list'
                __kaderctl_parse_subcommand 0 'role=' 'version' 'h/help'
            case 'show'
                __kaderctl_parse_subcommand 1 'version' 'h/help'
            case 'update'
                __kaderctl_parse_subcommand 1 'name=' 'role=' 'phone=' 'email=' 'capacity=' 'working-days=' 'reason=' 'version' 'h/help'
            case 'assign'
                __kaderctl_parse_subcommand 1 'region=' 'from=' 'until=' 'reason=' 'version' 'h/help'
            case 'agenda'
                __kaderctl_parse_subcommand 1 'from=' 'to=' 'version' 'h/help'
            end
        case 'report'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'kader-book'
                __kaderctl_parse_subcommand 1 'csv' 'version' 'h/help'
            case 'progress'
                __kaderctl_parse_subcommand 0 'province=' 'regency=' 'district=' 'as-of=' 'sort=' 'csv' 'html=' 'version' 'h/help'
            end
        case 'schedule'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'preview'
                __kaderctl_parse_subcommand 0 'rule=' 'start=' 'zone=' 'province=' 'regency=' 'district=' 'village=' 'count=' 'version' 'h/help'
            end
        case 'blackouts'
            __kaderctl_parse_subcommand 0 'province=' 'regency=' 'district=' 'village=' 'year=' 'affected' 'version' 'h/help'
        case 'calendar'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'export'
                __kaderctl_parse_subcommand 0 'village=' 'workflow=' 'facilitator=' 'from=' 'to=' 'output=' 'version' 'h/help'
            end
        case 'plugins'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
        case 'watch'
            __kaderctl_parse_subcommand 0 'since=' 'cursor-file=' 'count=' 'until-now' 'version' 'h/help'
        case 'reload'
            __kaderctl_parse_subcommand 0 'version' 'h/help'
        case 'metrics'
            __kaderctl_parse_subcommand 0 'output=' 'version' 'h/help'
        case 'backup'
            __kaderctl_parse_subcommand 1 'version' 'h/help'
        case 'call'
            __kaderctl_parse_subcommand 2 'version' 'h/help'
        case 'help'
            __kaderctl_parse_subcommand -r 1 'version'
        end
    end
end

function __kaderctl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kaderctl_parse_subcommand -S -a positional_count
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

function __kaderctl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kaderctl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kaderctl_tokens -p)
    if test -z "$(__kaderctl_tokens -t)"
        set -l index (count (__kaderctl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kaderctl' -f
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl" socket' -l 'socket' -d 'kaderd\'s Unix socket. (default: $KADERD_SOCKET, else /run/kaderd/kaderd.sock)' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl" json' -l 'json' -d 'Print JSON for scripts instead of text for people.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl" timeout' -l 'timeout' -d 'Seconds to wait for the daemon\'s answer.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'status' -d 'Show whether kaderd is running, its version, uptime, socket and state folder.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'region' -d 'Find provinces, regencies, districts and villages, and their codes.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'program' -d 'List the programs (cadre-development curricula) and show their steps.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'cadre' -d 'Register, list, show, correct and withdraw cadres (KPMD).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'import' -d 'Import records from CSV files, all or none.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'workflow' -d 'Start, list, show and cancel workflows (a program run for a cadre or a cohort).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'task' -d 'List tasks and record what happened: start, complete, cancel, reschedule.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'facilitator' -d 'Register facilitators (Pendamping Desa), assign them villages, show their work.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'report' -d 'Print statutory registers and progress reports.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'schedule' -d 'Preview schedules: when a recurrence rule falls, with the blackouts of a province.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'blackouts' -d 'List the blackouts of a place in a year (shipped holidays, blackout files, plugins), or the tasks on them.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'calendar' -d 'Export tasks as a calendar file (iCalendar, .ics) for phones and calendar programs.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'plugins' -d 'List the plugins: name, version, state, helper process, provinces, hooks and why one failed.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'watch' -d 'Follow every change as it happens: tasks falling due, completed, rescheduled, …'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'reload' -d 'Make kaderd re-read its config file, programs, plugins and blackout files.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'metrics' -d 'Print kaderd\'s metrics in the Prometheus text format, for node_exporter.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'backup' -d 'Copy kaderd\'s store, while it serves, into FILE.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'call' -d 'Call any method with JSON params and print its result as JSON.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl status" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl region" -eq 1' -fa 'provinces' -d 'List the 38 provinces with their codes and time zones (WIB, WITA, WIT).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl region" -eq 1' -fa 'search' -d 'Search regions by name or by code prefix.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region provinces" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region provinces" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" level' -l 'level' -d 'Only regions of this level: province, regency, district, village, or provinsi, kabupaten, kota, kecamatan, desa, kelurahan.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" within' -l 'within' -d 'Only regions within this one: a code or a name (e.g. mengwi).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" limit' -l 'limit' -d 'At most this many per page (the daemon\'s default is 20, its maximum 200).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" all' -l 'all' -d 'Fetch every page, not only the first.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" cursor' -l 'cursor' -d 'Start at this page: the cursor a search cut short printed.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl region search" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl program" -eq 1' -fa 'list' -d 'List the programs that can be started, and any program file kaderd refused.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl program" -eq 1' -fa 'show' -d 'Show a program with its steps: order, timing, recurrence and what each records.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program list" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program show" program-version' -l 'program-version' -d 'A version of the program (default: the latest).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program show" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl program show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl cadre" -eq 1' -fa 'register' -d 'Register one cadre in a village\'s register.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl cadre" -eq 1' -fa 'list' -d 'List cadres in registration order, filtered by region and status.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl cadre" -eq 1' -fa 'show' -d 'Show one cadre with the history of every change.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl cadre" -eq 1' -fa 'update' -d 'Correct or change the given fields of a cadre; the others stay as they are.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl cadre" -eq 1' -fa 'withdraw' -d 'Withdraw a registration entered in error.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" name' -l 'name' -d 'Nama: the cadre\'s full name.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" sex' -l 'sex' -d 'Jenis kelamin: L or P (also laki-laki/perempuan, M/F, male/female).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" birth-year' -l 'birth-year' -d 'Year of birth, e.g. 1994.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" field' -l 'field' -d 'Bidang: the field the cadre works in, e.g. kesehatan, ekonomi, pendidikan.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" village' -l 'village' -d 'The village\'s code, 10 digits, e.g. 51.03.01.2001 (find it with `kaderctl region search`).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" education' -l 'education' -d 'Pendidikan: highest schooling, e.g. SMA, D3, S1.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register"' -l 'course' -d 'Kursus: a training attended; repeat for each.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" address' -l 'address' -d 'Alamat within the village, e.g. Banjar Kaja.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" status' -l 'status' -d 'candidate (the default for a new cadre), active, completed or inactive.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" notes' -l 'notes' -d 'Keterangan: remarks for the register.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" allow-duplicate' -l 'allow-duplicate' -d 'Register although a cadre with the same name, sex, birth year and village exists: another person.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre register" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" province' -l 'province' -d 'Only within this province.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" regency' -l 'regency' -d 'Only within this regency (kabupaten/kota), e.g. 51.03.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" district' -l 'district' -d 'Only within this district (kecamatan), e.g. 51.03.01.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" village' -l 'village' -d 'Only in this village (desa/kelurahan), e.g. 51.03.01.2001.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" status' -l 'status' -d 'Only cadres in this status: candidate, active, completed or inactive.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" withdrawn' -l 'withdrawn' -d 'List the withdrawn registrations instead of the register.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" limit' -l 'limit' -d 'At most this many per page (the daemon\'s default is 100, its maximum 1000).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" all' -l 'all' -d 'Fetch every page, not only the first.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" cursor' -l 'cursor' -d 'Start at this page: the cursor a listing cut short printed.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre show" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" name' -l 'name' -d 'Nama: the cadre\'s full name.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" sex' -l 'sex' -d 'Jenis kelamin: L or P (also laki-laki/perempuan, M/F, male/female).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" birth-year' -l 'birth-year' -d 'Year of birth, e.g. 1994.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" field' -l 'field' -d 'Bidang: the field the cadre works in, e.g. kesehatan, ekonomi, pendidikan.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" village' -l 'village' -d 'The village\'s code, 10 digits, e.g. 51.03.01.2001 (find it with `kaderctl region search`).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" education' -l 'education' -d 'Pendidikan: highest schooling, e.g. SMA, D3, S1.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update"' -l 'course' -d 'Kursus: a training attended; repeat for each.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" address' -l 'address' -d 'Alamat within the village, e.g. Banjar Kaja.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" status' -l 'status' -d 'candidate (the default for a new cadre), active, completed or inactive.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" notes' -l 'notes' -d 'Keterangan: remarks for the register.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" reason' -l 'reason' -d 'Why, for the history, e.g. "salah ketik nama".' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre update" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre withdraw" reason' -l 'reason' -d 'Why the registration was wrong, for the history (required).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre withdraw" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl cadre withdraw" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl import" -eq 1' -fa 'cadres' -d 'Register every cadre of a CSV file, all or none.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import cadres" allow-duplicate' -l 'allow-duplicate' -d 'Register rows that match a registered cadre (name, sex, birth year, village): other people.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import cadres" dry-run' -l 'dry-run' -d 'Check every row, the daemon\'s checks included, and register no one.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import cadres" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl import cadres" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl workflow" -eq 1' -fa 'start' -d 'Start a program for one cadre, or for a cohort of cadres of one village.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl workflow" -eq 1' -fa 'list' -d 'List workflows, filtered by region, state and cadre.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl workflow" -eq 1' -fa 'show' -d 'Show a workflow with all its tasks, in the village\'s local time.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl workflow" -eq 1' -fa 'cancel' -d 'Cancel a workflow and every task of it that has not ended.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" cadre' -l 'cadre' -d 'The cadre the workflow is for.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" cadres' -l 'cadres' -d 'A cohort: the ids of cadres of one village, comma-separated.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" start-date' -l 'start-date' -d 'The workflow\'s first day, in the village\'s calendar.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" program' -l 'program' -d 'The program to run (default: kpmd).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" program-version' -l 'program-version' -d 'The program\'s version (default: the latest).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" facilitator' -l 'facilitator' -d 'The facilitator who mentors this run: a registered one\'s id (fac_…), or a name as free text. Default: the one assigned to the village on the start date.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow start" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" province' -l 'province' -d 'Only within this province.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" regency' -l 'regency' -d 'Only within this regency (kabupaten/kota), e.g. 51.03.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" district' -l 'district' -d 'Only within this district (kecamatan), e.g. 51.03.01.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" village' -l 'village' -d 'Only in this village (desa/kelurahan), e.g. 51.03.01.2001.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" state' -l 'state' -d 'Only workflows in this state: active, completed or cancelled.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" cadre' -l 'cadre' -d 'Only workflows of this cadre.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" limit' -l 'limit' -d 'At most this many per page (the daemon\'s default is 100, its maximum 1000).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" all' -l 'all' -d 'Fetch every page, not only the first.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" cursor' -l 'cursor' -d 'Start at this page: the cursor a listing cut short printed.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow show" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow cancel" reason' -l 'reason' -d 'Why, for the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow cancel" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl workflow cancel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'list' -d 'List tasks in the order their windows open, in each village\'s local time.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'show' -d 'Show one task, what was recorded for it, and the history of its changes.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'start' -d 'Mark a task in progress.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'complete' -d 'Mark a task done, recording what its step requires.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'cancel' -d 'Cancel a task that has not ended.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl task" -eq 1' -fa 'reschedule' -d 'Move a scheduled or due task to a new start, keeping the length of its window.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" province' -l 'province' -d 'Only within this province.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" regency' -l 'regency' -d 'Only within this regency (kabupaten/kota), e.g. 51.03.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" district' -l 'district' -d 'Only within this district (kecamatan), e.g. 51.03.01.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" village' -l 'village' -d 'Only in this village (desa/kelurahan), e.g. 51.03.01.2001.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" state' -l 'state' -d 'Only tasks in these states: scheduled, due, in_progress, done, missed, cancelled, failed.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" workflow' -l 'workflow' -d 'Only tasks of this workflow.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" facilitator' -l 'facilitator' -d 'Only tasks this facilitator attends.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" conflicts' -l 'conflicts' -d 'Only tasks that did not fit their facilitator\'s week (marked ! in the table).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" from' -l 'from' -d 'Only windows opening on or after this day.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" to' -l 'to' -d 'Only windows opening on or before this day.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" next-month' -l 'next-month' -d 'Only windows opening next month (instead of --from and --to).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" limit' -l 'limit' -d 'At most this many per page (the daemon\'s default is 100, its maximum 1000).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" all' -l 'all' -d 'Fetch every page, not only the first.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" cursor' -l 'cursor' -d 'Start at this page: the cursor a listing cut short printed.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task show" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task start" force' -l 'force' -d 'Even though the steps this task comes after have not ended; needs --reason.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task start" reason' -l 'reason' -d 'Why, for the history; required with --force.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task start" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task start" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete"' -l 'record' -d 'Something the step records, e.g. decree_number=141/07/2026; repeat for each.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete" note' -l 'note' -d 'A remark, kept with the records.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete" force' -l 'force' -d 'Even though the steps this task comes after have not ended; needs --reason.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete" reason' -l 'reason' -d 'Why, for the history; required with --force.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task complete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task cancel" reason' -l 'reason' -d 'Why, for the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task cancel" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task cancel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task reschedule" to' -l 'to' -d 'The new start, in the village\'s time.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task reschedule" reason' -l 'reason' -d 'Why, for the history; required with --force.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task reschedule" force' -l 'force' -d 'Onto a blackout all the same; needs --reason.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task reschedule" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl task reschedule" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'register' -d 'Register a facilitator.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'list' -d 'List facilitators in registration order.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'show' -d 'Show a facilitator, the villages they cover and the history of changes.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'update' -d 'Change the given fields of a facilitator.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'assign' -d 'Assign a village, or every village of a district, to a facilitator from a day.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl facilitator" -eq 1' -fa 'agenda' -d 'A facilitator\'s tasks, day by day, each at its village\'s own time.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" name' -l 'name' -d 'Full name.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" role' -l 'role' -d 'The post: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" phone' -l 'phone' -d 'Telephone; kept out of logs and the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" email' -l 'email' -d 'E-mail; kept out of logs and the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" capacity' -l 'capacity' -d 'Villages they can attend in one day (default 1).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" working-days' -l 'working-days' -d 'Weekdays they work (default monday to friday).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator register" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator list" role' -l 'role' -d 'Only this post: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator list" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator show" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" name' -l 'name' -d 'Full name.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" role' -l 'role' -d 'The post: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" phone' -l 'phone' -d 'Telephone; kept out of logs and the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" email' -l 'email' -d 'E-mail; kept out of logs and the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" capacity' -l 'capacity' -d 'Villages they can attend in one day (default 1).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" working-days' -l 'working-days' -d 'Weekdays they work (default monday to friday).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" reason' -l 'reason' -d 'Why, for the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator update" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" region' -l 'region' -d 'A village or district code.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" from' -l 'from' -d 'The first day covered.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" until' -l 'until' -d 'The last day covered (default: until reassigned).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" reason' -l 'reason' -d 'Why, for the history.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator assign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator agenda" from' -l 'from' -d 'The first day (default today).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator agenda" to' -l 'to' -d 'The last day (default 30 days after the first).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator agenda" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl facilitator agenda" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl report" -eq 1' -fa 'kader-book' -d 'Print a village\'s Buku Kader Pemberdayaan Masyarakat (Permendagri 47/2016).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl report" -eq 1' -fa 'progress' -d 'Print where cadre development stands, a row for each region one level down.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report kader-book" csv' -l 'csv' -d 'Write CSV with the statutory headers instead of a table.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report kader-book" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report kader-book" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" province' -l 'province' -d 'A province (code or name): a row per regency.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" regency' -l 'regency' -d 'A regency (code or name): a row per district.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" district' -l 'district' -d 'A district (code or name): a row per village.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" as-of' -l 'as-of' -d 'Count as of the end of this day.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" sort' -l 'sort' -d 'Order rows by this column, largest first (region: by code).' -rfka 'region villages kpmd cadres workflows done missed overdue on-time facilitators'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" csv' -l 'csv' -d 'Write CSV instead of a table.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" html' -l 'html' -d 'Write a self-contained HTML page here.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl report progress" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl schedule" -eq 1' -fa 'preview' -d 'List the occurrences of a recurrence rule in a zone\'s or a province\'s local time.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" rule' -l 'rule' -d 'An RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" start' -l 'start' -d 'The first occurrence, in local time: YYYY-MM-DDTHH:MM[:SS].' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" zone' -l 'zone' -d 'WIB, WITA, WIT or an IANA time zone, e.g. Asia/Jayapura (no blackouts applied).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" province' -l 'province' -d 'A province code, e.g. 51: its zone, with its blackouts applied.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" regency' -l 'regency' -d 'A regency code, e.g. 51.03: with the blackouts that apply there.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" district' -l 'district' -d 'A district code, e.g. 51.03.02: with the blackouts that apply there.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" village' -l 'village' -d 'A village code, e.g. 51.03.02.2001: with the blackouts that apply there.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" count' -l 'count' -d 'At most this many occurrences (default 10, at most 500).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl schedule preview" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" province' -l 'province' -d 'Only within this province.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" regency' -l 'regency' -d 'Only within this regency (kabupaten/kota), e.g. 51.03.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" district' -l 'district' -d 'Only within this district (kecamatan), e.g. 51.03.01.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" village' -l 'village' -d 'Only in this village (desa/kelurahan), e.g. 51.03.01.2001.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" year' -l 'year' -d 'The year to list (default: this year in the region).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" affected' -l 'affected' -d 'List the scheduled and due tasks that open on a blackout instead.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl blackouts" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_positional "kaderctl calendar" -eq 1' -fa 'export' -d 'Write the tasks of a village, a workflow or a facilitator as an iCalendar file (RFC 5545).'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" village' -l 'village' -d 'Every task in this village (its code).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" workflow' -l 'workflow' -d 'Every task of this workflow.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" facilitator' -l 'facilitator' -d 'Every task this facilitator attends: their agenda for their phone.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" from' -l 'from' -d 'Only tasks opening on or after this day.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" to' -l 'to' -d 'Only tasks opening on or before this day.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" output' -l 'output' -d 'Write the file here instead of to standard output.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl calendar export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl plugins" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl plugins" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" since' -l 'since' -d 'Start after this event number (default: only new events).' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" cursor-file' -l 'cursor-file' -d 'A file holding the last event number shown: read at start, written after each event.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" count' -l 'count' -d 'Stop after this many events.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" until-now' -l 'until-now' -d 'Stop after the newest event there is when watch starts.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl reload" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl reload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl metrics" output' -l 'output' -d 'Write the metrics to this file, atomically, instead of to standard output.' -rfka ''
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl metrics" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl metrics" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl backup" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl backup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl call" version' -l 'version' -d 'Show the version.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl call" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kaderctl' -n '__kaderctl_should_offer_completions_for_flags_or_options "kaderctl help" version' -l 'version' -d 'Show the version.'
