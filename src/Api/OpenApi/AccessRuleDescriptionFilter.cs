using Governance.Api.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Ends every operation's description with who may call it, taken from the route's declared access rule: the same
/// metadata access control enforces, so the manual cannot drift from the rule.
/// </summary>
public sealed class AccessRuleDescriptionFilter : IOperationFilter
{
    public const string Lead = "Who may call it: ";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var rule = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().FirstOrDefault();
        if (rule is null)
        {
            return;
        }

        var who = Lead + Describe(rule.Access);
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description}\n\n{who}";
    }

    public static string Describe(Access access) => access switch
    {
        Access.Person => "any signed-in person; app keys may not.",
        Access.Reader => "members of the cooperative, and its app keys with the read scope.",
        Access.Member => "any member of the cooperative, acting as themselves; app keys may not.",
        Access.Self => "only the member named in the path, for themselves; nobody acts for someone else, admins included, and app keys may not.",
        Access.SelfOrAdmin => "the member named in the path, or an admin of the cooperative; app keys may not.",
        Access.Proposer => "admins, and members too when the cooperative's settings let members create proposals; app keys may not.",
        Access.Admin => "admins of the cooperative; app keys may not.",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };
}
