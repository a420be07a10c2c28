#!/bin/bash

__kaderctl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__kaderctl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__kaderctl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__kaderctl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_kaderctl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--json --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--socket --timeout)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|region|program|cadre|import|workflow|task|facilitator|report|schedule|blackouts|calendar|plugins|watch|reload|metrics|backup|call|help)
        # Offer subcommand argument completions
        "_kaderctl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status region program cadre import workflow task facilitator report schedule blackouts calendar plugins watch reload metrics backup call help' -- "${cur}"))
        ;;
    esac
}

_kaderctl_status() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0
}

_kaderctl_region() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    provinces|search)
        # Offer subcommand argument completions
        "_kaderctl_region_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'provinces search' -- "${cur}"))
        ;;
    esac
}

_kaderctl_region_provinces() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0
}

_kaderctl_region_search() {
    repeating_flags=()
    non_repeating_flags=(--all --version -h --help)
    repeating_options=()
    non_repeating_options=(--level --within --limit --cursor)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--level')
        return
        ;;
    '--within')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_kaderctl_program() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show)
        # Offer subcommand argument completions
        "_kaderctl_program_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show' -- "${cur}"))
        ;;
    esac
}

_kaderctl_program_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0
}

_kaderctl_program_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--program-version)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--program-version')
        return
        ;;
    esac
}

_kaderctl_cadre() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    register|list|show|update|withdraw)
        # Offer subcommand argument completions
        "_kaderctl_cadre_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'register list show update withdraw' -- "${cur}"))
        ;;
    esac
}

_kaderctl_cadre_register() {
    repeating_flags=()
    non_repeating_flags=(--allow-duplicate --version -h --help)
    repeating_options=(--course)
    non_repeating_options=(--name --sex --birth-year --field --village --education --address --status --notes)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--sex')
        return
        ;;
    '--birth-year')
        return
        ;;
    '--field')
        return
        ;;
    '--village')
        return
        ;;
    '--education')
        return
        ;;
    '--course')
        return
        ;;
    '--address')
        return
        ;;
    '--status')
        return
        ;;
    '--notes')
        return
        ;;
    esac
}

_kaderctl_cadre_list() {
    repeating_flags=()
    non_repeating_flags=(--withdrawn --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--province --regency --district --village --status --limit --cursor)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--village')
        return
        ;;
    '--status')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_kaderctl_cadre_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_cadre_update() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--course)
    non_repeating_options=(--name --sex --birth-year --field --village --education --address --status --notes --reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--sex')
        return
        ;;
    '--birth-year')
        return
        ;;
    '--field')
        return
        ;;
    '--village')
        return
        ;;
    '--education')
        return
        ;;
    '--course')
        return
        ;;
    '--address')
        return
        ;;
    '--status')
        return
        ;;
    '--notes')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_kaderctl_cadre_withdraw() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--reason')
        return
        ;;
    esac
}

_kaderctl_import() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    cadres)
        # Offer subcommand argument completions
        "_kaderctl_import_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'cadres' -- "${cur}"))
        ;;
    esac
}

_kaderctl_import_cadres() {
    repeating_flags=()
    non_repeating_flags=(--allow-duplicate --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_workflow() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    start|list|show|cancel)
        # Offer subcommand argument completions
        "_kaderctl_workflow_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'start list show cancel' -- "${cur}"))
        ;;
    esac
}

_kaderctl_workflow_start() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--cadre --cadres --start-date --program --program-version --facilitator)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--cadre')
        return
        ;;
    '--cadres')
        return
        ;;
    '--start-date')
        return
        ;;
    '--program')
        return
        ;;
    '--program-version')
        return
        ;;
    '--facilitator')
        return
        ;;
    esac
}

_kaderctl_workflow_list() {
    repeating_flags=()
    non_repeating_flags=(--all --version -h --help)
    repeating_options=()
    non_repeating_options=(--province --regency --district --village --state --cadre --limit --cursor)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--village')
        return
        ;;
    '--state')
        return
        ;;
    '--cadre')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_kaderctl_workflow_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_workflow_cancel() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--reason')
        return
        ;;
    esac
}

_kaderctl_task() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|start|complete|cancel|reschedule)
        # Offer subcommand argument completions
        "_kaderctl_task_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show start complete cancel reschedule' -- "${cur}"))
        ;;
    esac
}

_kaderctl_task_list() {
    repeating_flags=()
    non_repeating_flags=(--conflicts --next-month --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--province --regency --district --village --state --workflow --facilitator --from --to --limit --cursor)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--village')
        return
        ;;
    '--state')
        return
        ;;
    '--workflow')
        return
        ;;
    '--facilitator')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--limit')
        return
        ;;
    '--cursor')
        return
        ;;
    esac
}

_kaderctl_task_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_task_start() {
    repeating_flags=()
    non_repeating_flags=(--force --version -h --help)
    repeating_options=()
    non_repeating_options=(--reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--reason')
        return
        ;;
    esac
}

_kaderctl_task_complete() {
    repeating_flags=()
    non_repeating_flags=(--force --version -h --help)
    repeating_options=(--record)
    non_repeating_options=(--note --reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--record')
        return
        ;;
    '--note')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_kaderctl_task_cancel() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--reason')
        return
        ;;
    esac
}

_kaderctl_task_reschedule() {
    repeating_flags=()
    non_repeating_flags=(--force --version -h --help)
    repeating_options=()
    non_repeating_options=(--to --reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--to')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_kaderctl_facilitator() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    register|list|show|update|assign|agenda)
        # Offer subcommand argument completions
        "_kaderctl_facilitator_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'register list show update assign agenda' -- "${cur}"))
        ;;
    esac
}

_kaderctl_facilitator_register() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--name --role --phone --email --capacity --working-days)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--role')
        return
        ;;
    '--phone')
        return
        ;;
    '--email')
        return
        ;;
    '--capacity')
        return
        ;;
    '--working-days')
        return
        ;;
    esac
}

_kaderctl_facilitator_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--role)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--role')
        return
        ;;
    esac
}

_kaderctl_facilitator_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_facilitator_update() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--name --role --phone --email --capacity --working-days --reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--role')
        return
        ;;
    '--phone')
        return
        ;;
    '--email')
        return
        ;;
    '--capacity')
        return
        ;;
    '--working-days')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_kaderctl_facilitator_assign() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--region --from --until --reason)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--region')
        return
        ;;
    '--from')
        return
        ;;
    '--until')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_kaderctl_facilitator_agenda() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to)
    __kaderctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    esac
}

_kaderctl_report() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    kader-book|progress)
        # Offer subcommand argument completions
        "_kaderctl_report_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'kader-book progress' -- "${cur}"))
        ;;
    esac
}

_kaderctl_report_kader-book() {
    repeating_flags=()
    non_repeating_flags=(--csv --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_report_progress() {
    repeating_flags=()
    non_repeating_flags=(--csv --version -h --help)
    repeating_options=()
    non_repeating_options=(--province --regency --district --as-of --sort --html)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--as-of')
        return
        ;;
    '--sort')
        __kaderctl_add_completions -W 'region'$'\n''villages'$'\n''kpmd'$'\n''cadres'$'\n''workflows'$'\n''done'$'\n''missed'$'\n''overdue'$'\n''on-time'$'\n''facilitators'
        return
        ;;
    '--html')
        return
        ;;
    esac
}

_kaderctl_schedule() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    preview)
        # Offer subcommand argument completions
        "_kaderctl_schedule_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'preview' -- "${cur}"))
        ;;
    esac
}

_kaderctl_schedule_preview() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--rule --start --zone --province --regency --district --village --count)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--rule')
        return
        ;;
    '--start')
        return
        ;;
    '--zone')
        return
        ;;
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--village')
        return
        ;;
    '--count')
        return
        ;;
    esac
}

_kaderctl_blackouts() {
    repeating_flags=()
    non_repeating_flags=(--affected --version -h --help)
    repeating_options=()
    non_repeating_options=(--province --regency --district --village --year)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--province')
        return
        ;;
    '--regency')
        return
        ;;
    '--district')
        return
        ;;
    '--village')
        return
        ;;
    '--year')
        return
        ;;
    esac
}

_kaderctl_calendar() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export)
        # Offer subcommand argument completions
        "_kaderctl_calendar_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export' -- "${cur}"))
        ;;
    esac
}

_kaderctl_calendar_export() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--village --workflow --facilitator --from --to --output)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--village')
        return
        ;;
    '--workflow')
        return
        ;;
    '--facilitator')
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--output')
        return
        ;;
    esac
}

_kaderctl_plugins() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0
}

_kaderctl_watch() {
    repeating_flags=()
    non_repeating_flags=(--until-now --version -h --help)
    repeating_options=()
    non_repeating_options=(--since --cursor-file --count)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--since')
        return
        ;;
    '--cursor-file')
        return
        ;;
    '--count')
        return
        ;;
    esac
}

_kaderctl_reload() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 0
}

_kaderctl_metrics() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __kaderctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--output')
        return
        ;;
    esac
}

_kaderctl_backup() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 1
}

_kaderctl_call() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options 2
}

_kaderctl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __kaderctl_offer_flags_options -1
}

complete -o filenames -F _kaderctl kaderctl
