namespace Governance.Api.Authorization;

/// <summary>Endpoint metadata: the access a route requires.</summary>
public sealed record AccessRule(Access Access);

public static class AccessRuleExtensions
{
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Access access)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(access));
}
