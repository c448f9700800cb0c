using GraphQL;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// Admits a caller any of its rules admits. A rule that must load an object is asked before one that judges the field's
/// result; a combination of both refuses when the loaded object does not admit the caller.
/// </summary>
public sealed class AnyOfRule : AccessRule
{
    private readonly List<AccessRule> _rules;

    public AnyOfRule(IEnumerable<AccessRule> rules) =>
        _rules = rules.SelectMany(r => r is AnyOfRule any ? any._rules : [r]).ToList();

    public override string Needs => _rules.Count == 1 ? _rules[0].Needs
        : string.Join(", ", _rules.Take(_rules.Count - 1).Select(r => r.Needs)) + " or " + _rules[^1].Needs;

    public override AccessVerdict Before(Caller caller, IResolveFieldContext? field)
    {
        var verdicts = _rules.Select(r => r.Before(caller, field)).ToList();
        return verdicts.Contains(AccessVerdict.Allowed) ? AccessVerdict.Allowed
            : verdicts.Contains(AccessVerdict.DependsOnObject) ? AccessVerdict.DependsOnObject
            : verdicts.Contains(AccessVerdict.DependsOnResult) ? AccessVerdict.DependsOnResult
            : AccessVerdict.Denied;
    }

    public override bool Admits(Caller caller, object? result) => _rules.Any(r => r.Admits(caller, result));

    public override async ValueTask<bool> AdmitsObjectAsync(Caller caller, IResolveFieldContext field)
    {
        foreach (var rule in _rules.Where(r => r.Before(caller, field) == AccessVerdict.DependsOnObject))
        {
            if (await rule.AdmitsObjectAsync(caller, field))
            {
                return true;
            }
        }

        return false;
    }
}
