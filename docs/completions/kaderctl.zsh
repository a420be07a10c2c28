#compdef kaderctl

__kaderctl_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__kaderctl_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __kaderctl_complete "${completions[@]:0:-1}"
    fi
}

__kaderctl_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_kaderctl() {
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
        '--socket[kaderd'\''s Unix socket. (default\: $KADERD_SOCKET, else /run/kaderd/kaderd.sock)]:socket:'
        '--json[Print JSON for scripts instead of text for people.]'
        '--timeout[Seconds to wait for the daemon'\''s answer.]:timeout:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'status:Show whether kaderd is running, its version, uptime, socket and state folder.'
            'region:Find provinces, regencies, districts and villages, and their codes.'
            'program:List the programs (cadre-development curricula) and show their steps.'
            'cadre:Register, list, show, correct and withdraw cadres (KPMD).'
            'import:Import records from CSV files, all or none.'
            'workflow:Start, list, show and cancel workflows (a program run for a cadre or a cohort).'
            'task:List tasks and record what happened: start, complete, cancel, reschedule.'
            'facilitator:Register facilitators (Pendamping Desa), assign them villages, show their work.'
            'report:Print statutory registers and progress reports.'
            'schedule:Preview schedules: when a recurrence rule falls, with the blackouts of a province.'
            'blackouts:List the blackouts of a place in a year (shipped holidays, blackout files, plugins), or the tasks on them.'
            'calendar:Export tasks as a calendar file (iCalendar, .ics) for phones and calendar programs.'
            'plugins:List the plugins: name, version, state, helper process, provinces, hooks and why one failed.'
            'watch:Follow every change as it happens: tasks falling due, completed, rescheduled, …'
            'reload:Make kaderd re-read its config file, programs, plugins and blackout files.'
            'metrics:Print kaderd'\''s metrics in the Prometheus text format, for node_exporter.'
            'backup:Copy kaderd'\''s store, while it serves, into FILE.'
            'call:Call any method with JSON params and print its result as JSON.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        status|region|program|cadre|import|workflow|task|facilitator|report|schedule|blackouts|calendar|plugins|watch|reload|metrics|backup|call|help)
            "_kaderctl_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_status() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_region() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'provinces:List the 38 provinces with their codes and time zones (WIB, WITA, WIT).'
            'search:Search regions by name or by code prefix.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        provinces|search)
            "_kaderctl_region_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_region_provinces() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_region_search() {
    local -i ret=1
    local -ar arg_specs=(
        ':query:'
        '--level[Only regions of this level\: province, regency, district, village, or provinsi, kabupaten, kota, kecamatan, desa, kelurahan.]:level:'
        '--within[Only regions within this one\: a code or a name (e.g. mengwi).]:REGION:'
        '--limit[At most this many per page (the daemon'\''s default is 20, its maximum 200).]:limit:'
        '--all[Fetch every page, not only the first.]'
        '--cursor[Start at this page\: the cursor a search cut short printed.]:cursor:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_program() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List the programs that can be started, and any program file kaderd refused.'
            'show:Show a program with its steps: order, timing, recurrence and what each records.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|show)
            "_kaderctl_program_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_program_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_program_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--program-version[A version of the program (default\: the latest).]:program-version:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_cadre() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'register:Register one cadre in a village'\''s register.'
            'list:List cadres in registration order, filtered by region and status.'
            'show:Show one cadre with the history of every change.'
            'update:Correct or change the given fields of a cadre; the others stay as they are.'
            'withdraw:Withdraw a registration entered in error.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        register|list|show|update|withdraw)
            "_kaderctl_cadre_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_cadre_register() {
    local -i ret=1
    local -ar arg_specs=(
        '--name[Nama\: the cadre'\''s full name.]:name:'
        '--sex[Jenis kelamin\: L or P (also laki-laki/perempuan, M/F, male/female).]:sex:'
        '--birth-year[Year of birth, e.g. 1994.]:birth-year:'
        '--field[Bidang\: the field the cadre works in, e.g. kesehatan, ekonomi, pendidikan.]:field:'
        '--village[The village'\''s code, 10 digits, e.g. 51.03.01.2001 (find it with `kaderctl region search`).]:CODE:'
        '--education[Pendidikan\: highest schooling, e.g. SMA, D3, S1.]:education:'
        '*--course[Kursus\: a training attended; repeat for each.]:course:'
        '--address[Alamat within the village, e.g. Banjar Kaja.]:address:'
        '--status[candidate (the default for a new cadre), active, completed or inactive.]:status:'
        '--notes[Keterangan\: remarks for the register.]:notes:'
        '--allow-duplicate[Register although a cadre with the same name, sex, birth year and village exists\: another person.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_cadre_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--province[Only within this province.]:CODE:'
        '--regency[Only within this regency (kabupaten/kota), e.g. 51.03.]:CODE:'
        '--district[Only within this district (kecamatan), e.g. 51.03.01.]:CODE:'
        '--village[Only in this village (desa/kelurahan), e.g. 51.03.01.2001.]:CODE:'
        '--status[Only cadres in this status\: candidate, active, completed or inactive.]:status:'
        '--withdrawn[List the withdrawn registrations instead of the register.]'
        '--limit[At most this many per page (the daemon'\''s default is 100, its maximum 1000).]:limit:'
        '--all[Fetch every page, not only the first.]'
        '--cursor[Start at this page\: the cursor a listing cut short printed.]:cursor:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_cadre_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_cadre_update() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--name[Nama\: the cadre'\''s full name.]:name:'
        '--sex[Jenis kelamin\: L or P (also laki-laki/perempuan, M/F, male/female).]:sex:'
        '--birth-year[Year of birth, e.g. 1994.]:birth-year:'
        '--field[Bidang\: the field the cadre works in, e.g. kesehatan, ekonomi, pendidikan.]:field:'
        '--village[The village'\''s code, 10 digits, e.g. 51.03.01.2001 (find it with `kaderctl region search`).]:CODE:'
        '--education[Pendidikan\: highest schooling, e.g. SMA, D3, S1.]:education:'
        '*--course[Kursus\: a training attended; repeat for each.]:course:'
        '--address[Alamat within the village, e.g. Banjar Kaja.]:address:'
        '--status[candidate (the default for a new cadre), active, completed or inactive.]:status:'
        '--notes[Keterangan\: remarks for the register.]:notes:'
        '--reason[Why, for the history, e.g. "salah ketik nama".]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_cadre_withdraw() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--reason[Why the registration was wrong, for the history (required).]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_import() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'cadres:Register every cadre of a CSV file, all or none.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        cadres)
            "_kaderctl_import_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_import_cadres() {
    local -i ret=1
    local -ar arg_specs=(
        ':FILE.csv:'
        '--allow-duplicate[Register rows that match a registered cadre (name, sex, birth year, village)\: other people.]'
        '--dry-run[Check every row, the daemon'\''s checks included, and register no one.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_workflow() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'start:Start a program for one cadre, or for a cohort of cadres of one village.'
            'list:List workflows, filtered by region, state and cadre.'
            'show:Show a workflow with all its tasks, in the village'\''s local time.'
            'cancel:Cancel a workflow and every task of it that has not ended.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        start|list|show|cancel)
            "_kaderctl_workflow_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_workflow_start() {
    local -i ret=1
    local -ar arg_specs=(
        '--cadre[The cadre the workflow is for.]:ID:'
        '--cadres[A cohort\: the ids of cadres of one village, comma-separated.]:ID,ID…:'
        '--start-date[The workflow'\''s first day, in the village'\''s calendar.]:YYYY-MM-DD:'
        '--program[The program to run (default\: kpmd).]:ID:'
        '--program-version[The program'\''s version (default\: the latest).]:program-version:'
        '--facilitator[The facilitator who mentors this run\: a registered one'\''s id (fac_…), or a name as free text. Default\: the one assigned to the village on the start date.]:ID|NAME:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_workflow_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--province[Only within this province.]:CODE:'
        '--regency[Only within this regency (kabupaten/kota), e.g. 51.03.]:CODE:'
        '--district[Only within this district (kecamatan), e.g. 51.03.01.]:CODE:'
        '--village[Only in this village (desa/kelurahan), e.g. 51.03.01.2001.]:CODE:'
        '--state[Only workflows in this state\: active, completed or cancelled.]:state:'
        '--cadre[Only workflows of this cadre.]:ID:'
        '--limit[At most this many per page (the daemon'\''s default is 100, its maximum 1000).]:limit:'
        '--all[Fetch every page, not only the first.]'
        '--cursor[Start at this page\: the cursor a listing cut short printed.]:cursor:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_workflow_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_workflow_cancel() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--reason[Why, for the history.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List tasks in the order their windows open, in each village'\''s local time.'
            'show:Show one task, what was recorded for it, and the history of its changes.'
            'start:Mark a task in progress.'
            'complete:Mark a task done, recording what its step requires.'
            'cancel:Cancel a task that has not ended.'
            'reschedule:Move a scheduled or due task to a new start, keeping the length of its window.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|show|start|complete|cancel|reschedule)
            "_kaderctl_task_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_task_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--province[Only within this province.]:CODE:'
        '--regency[Only within this regency (kabupaten/kota), e.g. 51.03.]:CODE:'
        '--district[Only within this district (kecamatan), e.g. 51.03.01.]:CODE:'
        '--village[Only in this village (desa/kelurahan), e.g. 51.03.01.2001.]:CODE:'
        '--state[Only tasks in these states\: scheduled, due, in_progress, done, missed, cancelled, failed.]:STATE\[,STATE…\]:'
        '--workflow[Only tasks of this workflow.]:ID:'
        '--facilitator[Only tasks this facilitator attends.]:ID:'
        '--conflicts[Only tasks that did not fit their facilitator'\''s week (marked ! in the table).]'
        '--from[Only windows opening on or after this day.]:YYYY-MM-DD:'
        '--to[Only windows opening on or before this day.]:YYYY-MM-DD:'
        '--next-month[Only windows opening next month (instead of --from and --to).]'
        '--limit[At most this many per page (the daemon'\''s default is 100, its maximum 1000).]:limit:'
        '--all[Fetch every page, not only the first.]'
        '--cursor[Start at this page\: the cursor a listing cut short printed.]:cursor:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task_start() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--force[Even though the steps this task comes after have not ended; needs --reason.]'
        '--reason[Why, for the history; required with --force.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task_complete() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '*--record[Something the step records, e.g. decree_number=141/07/2026; repeat for each.]:KEY=VALUE:'
        '--note[A remark, kept with the records.]:note:'
        '--force[Even though the steps this task comes after have not ended; needs --reason.]'
        '--reason[Why, for the history; required with --force.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task_cancel() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--reason[Why, for the history.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_task_reschedule() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--to[The new start, in the village'\''s time.]:YYYY-MM-DD\[THH\:MM\]:'
        '--reason[Why, for the history; required with --force.]:reason:'
        '--force[Onto a blackout all the same; needs --reason.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'register:Register a facilitator.'
            'list:List facilitators in registration order.'
            'show:Show a facilitator, the villages they cover and the history of changes.'
            'update:Change the given fields of a facilitator.'
            'assign:Assign a village, or every village of a district, to a facilitator from a day.'
            'agenda:A facilitator'\''s tasks, day by day, each at its village'\''s own time.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        register|list|show|update|assign|agenda)
            "_kaderctl_facilitator_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_facilitator_register() {
    local -i ret=1
    local -ar arg_specs=(
        '--name[Full name.]:name:'
        '--role[The post\: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.]:role:'
        '--phone[Telephone; kept out of logs and the history.]:phone:'
        '--email[E-mail; kept out of logs and the history.]:email:'
        '--capacity[Villages they can attend in one day (default 1).]:capacity:'
        '--working-days[Weekdays they work (default monday to friday).]:DAY,DAY…:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--role[Only this post\: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.]:role:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator_update() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--name[Full name.]:name:'
        '--role[The post\: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.]:role:'
        '--phone[Telephone; kept out of logs and the history.]:phone:'
        '--email[E-mail; kept out of logs and the history.]:email:'
        '--capacity[Villages they can attend in one day (default 1).]:capacity:'
        '--working-days[Weekdays they work (default monday to friday).]:DAY,DAY…:'
        '--reason[Why, for the history.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator_assign() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--region[A village or district code.]:CODE:'
        '--from[The first day covered.]:YYYY-MM-DD:'
        '--until[The last day covered (default\: until reassigned).]:YYYY-MM-DD:'
        '--reason[Why, for the history.]:reason:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_facilitator_agenda() {
    local -i ret=1
    local -ar arg_specs=(
        ':id:'
        '--from[The first day (default today).]:YYYY-MM-DD:'
        '--to[The last day (default 30 days after the first).]:YYYY-MM-DD:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_report() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'kader-book:Print a village'\''s Buku Kader Pemberdayaan Masyarakat (Permendagri 47/2016).'
            'progress:Print where cadre development stands, a row for each region one level down.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        kader-book|progress)
            "_kaderctl_report_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_report_kader-book() {
    local -i ret=1
    local -ar arg_specs=(
        ':VILLAGE:'
        '--csv[Write CSV with the statutory headers instead of a table.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_report_progress() {
    local -i ret=1
    local -ar ___sort=('region' 'villages' 'kpmd' 'cadres' 'workflows' 'done' 'missed' 'overdue' 'on-time' 'facilitators')
    local -ar arg_specs=(
        '--province[A province (code or name)\: a row per regency.]:PROVINCE:'
        '--regency[A regency (code or name)\: a row per district.]:REGENCY:'
        '--district[A district (code or name)\: a row per village.]:DISTRICT:'
        '--as-of[Count as of the end of this day.]:YYYY-MM-DD:'
        '--sort[Order rows by this column, largest first (region\: by code).]:COLUMN:{__kaderctl_complete "${___sort[@]}"}'
        '--csv[Write CSV instead of a table.]'
        '--html[Write a self-contained HTML page here.]:FILE:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_schedule() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'preview:List the occurrences of a recurrence rule in a zone'\''s or a province'\''s local time.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        preview)
            "_kaderctl_schedule_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_schedule_preview() {
    local -i ret=1
    local -ar arg_specs=(
        '--rule[An RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.]:rule:'
        '--start[The first occurrence, in local time\: YYYY-MM-DDTHH\:MM\[\:SS\].]:start:'
        '--zone[WIB, WITA, WIT or an IANA time zone, e.g. Asia/Jayapura (no blackouts applied).]:zone:'
        '--province[A province code, e.g. 51\: its zone, with its blackouts applied.]:province:'
        '--regency[A regency code, e.g. 51.03\: with the blackouts that apply there.]:CODE:'
        '--district[A district code, e.g. 51.03.02\: with the blackouts that apply there.]:CODE:'
        '--village[A village code, e.g. 51.03.02.2001\: with the blackouts that apply there.]:CODE:'
        '--count[At most this many occurrences (default 10, at most 500).]:count:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_blackouts() {
    local -i ret=1
    local -ar arg_specs=(
        '--province[Only within this province.]:CODE:'
        '--regency[Only within this regency (kabupaten/kota), e.g. 51.03.]:CODE:'
        '--district[Only within this district (kecamatan), e.g. 51.03.01.]:CODE:'
        '--village[Only in this village (desa/kelurahan), e.g. 51.03.01.2001.]:CODE:'
        '--year[The year to list (default\: this year in the region).]:year:'
        '--affected[List the scheduled and due tasks that open on a blackout instead.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_calendar() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'export:Write the tasks of a village, a workflow or a facilitator as an iCalendar file (RFC 5545).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        export)
            "_kaderctl_calendar_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_kaderctl_calendar_export() {
    local -i ret=1
    local -ar arg_specs=(
        '--village[Every task in this village (its code).]:CODE:'
        '--workflow[Every task of this workflow.]:ID:'
        '--facilitator[Every task this facilitator attends\: their agenda for their phone.]:ID:'
        '--from[Only tasks opening on or after this day.]:YYYY-MM-DD:'
        '--to[Only tasks opening on or before this day.]:YYYY-MM-DD:'
        '--output[Write the file here instead of to standard output.]:FILE:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_plugins() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_watch() {
    local -i ret=1
    local -ar arg_specs=(
        '--since[Start after this event number (default\: only new events).]:since:'
        '--cursor-file[A file holding the last event number shown\: read at start, written after each event.]:cursor-file:'
        '--count[Stop after this many events.]:count:'
        '--until-now[Stop after the newest event there is when watch starts.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_reload() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_metrics() {
    local -i ret=1
    local -ar arg_specs=(
        '--output[Write the metrics to this file, atomically, instead of to standard output.]:FILE:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_backup() {
    local -i ret=1
    local -ar arg_specs=(
        ':FILE:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_call() {
    local -i ret=1
    local -ar arg_specs=(
        ':method:'
        ':params:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_kaderctl_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _kaderctl ]]; then
    _kaderctl "${@}"
else
    compdef _kaderctl kaderctl
fi
