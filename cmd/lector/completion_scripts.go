package main

// The completion scripts, as text/template over a completion; q quotes for
// sh and zsh, fq for fish. Each script completes the commands, a group's
// subcommands, a command's flags, the values of flags that take a short
// list of them, and files where a command or flag takes one.

const bashCompletion = `# bash completion for lector, made by ` + "`lector completion bash`" + `.
# Load it with: source <(lector completion bash)   (for example in ~/.bashrc)
_lector() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" first="${COMP_WORDS[1]}"
    local cmd="" flags="" valued="" files="" name
    local shared="{{.Shared.FlagNames}}" sharedValued=" {{.Shared.Valued}} "
    COMPREPLY=()
    if [[ $COMP_CWORD -eq 1 && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "{{.Names}}" -- "$cur"))
        return 0
    fi
    case "$first" in
    help)
        if [[ $COMP_CWORD -eq 2 ]]; then
            COMPREPLY=($(compgen -W "{{.Names}}" -- "$cur"))
        elif [[ $COMP_CWORD -eq 3 ]]; then
            case "${COMP_WORDS[2]}" in
{{- range .Groups}}
            {{.Name}}) COMPREPLY=($(compgen -W "{{.SubNames}}" -- "$cur")) ;;
{{- end}}
            esac
        fi
        return 0 ;;
    completion)
        [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
        return 0 ;;
{{- range .Groups}}
    {{.Name}})
        if [[ $COMP_CWORD -eq 2 ]]; then
            COMPREPLY=($(compgen -W "{{.SubNames}}" -- "$cur"))
            return 0
        fi
        cmd="{{.Name}} ${COMP_WORDS[2]}" ;;
{{- end}}
    -*) cmd=serve ;;
    *) cmd="$first" ;;
    esac
    case "$cmd" in
{{- range .Commands}}
    "{{.Key}}") flags="{{.FlagNames}}"; valued=" {{.Valued}} "{{if .Files}}; files=1{{end}} ;;
{{- end}}
    esac
    if [[ $prev == -* ]]; then
        name="${prev#-}"; name="${name#-}"
        if [[ $valued$sharedValued == *" $name "* ]]; then
            case "$cmd:$name" in
{{- range $c := .Commands}}{{range .Flags}}{{if .Choices}}
            "{{$c.Key}}:{{.Name}}") COMPREPLY=($(compgen -W "{{.Choices}}" -- "$cur")) ;;
{{- end}}{{end}}{{end}}
{{- range .Shared.Flags}}{{if .Choices}}
            *":{{.Name}}") COMPREPLY=($(compgen -W "{{.Choices}}" -- "$cur")) ;;
{{- end}}{{end}}
            *) COMPREPLY=($(compgen -f -- "$cur")) ;;
            esac
            return 0
        fi
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags $shared" -- "$cur"))
    elif [[ -n $files ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -o filenames -F _lector lector
`

const zshCompletion = `#compdef lector
# zsh completion for lector, made by ` + "`lector completion zsh`" + `.
# Load it with: source <(lector completion zsh)   (after compinit, for example in ~/.zshrc),
# or save it as _lector in a directory of $fpath.
_lector() {
    local -a top subs flags valued shared sharedValued
    local cmd="" files="" name first=${words[2]} prev=${words[CURRENT-1]}
    shared=({{range .Shared.Flags}} {{q (print .Typed ":" .Usage)}}{{end}})
    sharedValued=({{.Shared.Valued}})
    top=(
{{- range .Top}}
        {{q (print .Name ":" .Summary)}}
{{- end}}
    )
    if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then
        _describe -t commands 'lector command' top
        return
    fi
    case $first in
    help)
        if (( CURRENT == 3 )); then
            _describe -t commands 'lector command' top
        elif (( CURRENT == 4 )); then
            case ${words[3]} in
{{- range .Groups}}
            {{.Name}})
                subs=({{range .Subs}} {{q (print .Name ":" .Summary)}}{{end}})
                _describe -t commands 'subcommand' subs ;;
{{- end}}
            esac
        fi
        return ;;
    completion)
        (( CURRENT == 3 )) && compadd bash zsh fish
        return ;;
{{- range .Groups}}
    {{.Name}})
        if (( CURRENT == 3 )); then
            subs=({{range .Subs}} {{q (print .Name ":" .Summary)}}{{end}})
            _describe -t commands 'subcommand' subs
            return
        fi
        cmd="{{.Name}} ${words[3]}" ;;
{{- end}}
    -*) cmd=serve ;;
    *) cmd=$first ;;
    esac
    case $cmd in
{{- range .Commands}}
    {{q .Key}})
        flags=({{range .Flags}} {{q (print .Typed ":" .Usage)}}{{end}})
        valued=({{.Valued}}){{if .Files}}; files=1{{end}} ;;
{{- end}}
    esac
    if [[ $prev == -* ]]; then
        name=${prev#-}; name=${name#-}
        if (( ${valued[(Ie)$name]} || ${sharedValued[(Ie)$name]} )); then
            case "$cmd:$name" in
{{- range $c := .Commands}}{{range .Flags}}{{if .Choices}}
            {{q (print $c.Key ":" .Name)}}) compadd {{.Choices}} ;;
{{- end}}{{end}}{{end}}
{{- range .Shared.Flags}}{{if .Choices}}
            *:{{.Name}}) compadd {{.Choices}} ;;
{{- end}}{{end}}
            *) _files ;;
            esac
            return
        fi
    fi
    if [[ $PREFIX == -* ]]; then
        _describe -t flags 'flag' flags -- shared
    elif [[ -n $files ]]; then
        _files
    fi
}
if [[ $funcstack[1] == _lector ]]; then
    _lector "$@"
else
    compdef _lector lector
fi
`

const fishCompletion = `# fish completion for lector, made by ` + "`lector completion fish`" + `.
# Load it with: lector completion fish | source   (or save it as ~/.config/fish/completions/lector.fish)
complete -c lector -f
{{- range .Top}}
complete -c lector -n __fish_use_subcommand -a {{fq .Name}} -d {{fq .Summary}}
{{- end}}
{{- range $g := .Groups}}{{range .Subs}}
complete -c lector -n {{fq (print "__fish_seen_subcommand_from " $g.Name "; and not __fish_seen_subcommand_from " $g.SubNames)}} -a {{fq .Name}} -d {{fq .Summary}}
{{- end}}{{end}}
complete -c lector -n '__fish_seen_subcommand_from help' -a {{fq .Names}}
complete -c lector -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
{{- range .Shared.Flags}}
complete -c lector -n 'not __fish_seen_subcommand_from help completion' {{.Fish}} -d {{fq .Usage}}{{if .Choices}} -x -a {{fq .Choices}}{{else if .Value}} -r -F{{end}}
{{- end}}
{{- range $c := .Commands}}{{range $cond := .FishConditions}}{{range $c.Flags}}
complete -c lector -n {{fq $cond}} {{.Fish}} -d {{fq .Usage}}{{if .Choices}} -x -a {{fq .Choices}}{{else if .Value}} -r -F{{end}}
{{- end}}{{if $c.Files}}
complete -c lector -n {{fq $cond}} -F
{{- end}}{{end}}{{end}}
`
