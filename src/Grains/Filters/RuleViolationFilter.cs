using Governance.Contracts.Errors;
using Governance.Domain.Rules;

namespace Governance.Grains.Filters;

/// <summary>Turns a rule the domain enforced into the serializable error callers receive, in one place for every grain.</summary>
public sealed class RuleViolationFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (RuleViolationException violation)
        {
            throw new GovernanceException(ToKind(violation.Kind), violation.Code, violation.Message, violation.Field);
        }
    }

    private static ErrorKind ToKind(RuleViolationKind kind) => kind switch
    {
        RuleViolationKind.Invalid => ErrorKind.Invalid,
        RuleViolationKind.NotFound => ErrorKind.NotFound,
        RuleViolationKind.Conflict => ErrorKind.Conflict,
        RuleViolationKind.Forbidden => ErrorKind.Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
