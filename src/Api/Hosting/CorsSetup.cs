using Governance.Api.Security;

namespace Governance.Api.Hosting;

/// <summary>
/// Cross-origin requests from the cooperatives' own front ends, for the origins in Api:Cors:AllowedOrigins only (a
/// list, or one value of comma-separated origins); none by default, so that no other site's pages can call the API
/// from a member's browser. Credentials travel in headers, never in cookies, so CORS allows no credentials.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Api:Cors:AllowedOrigins";

    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddGovernanceCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        return services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            policy.WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", AppKeyAuthenticationHandler.Header, "Last-Event-ID")
                .WithExposedHeaders("Location", "Retry-After")
                .SetPreflightMaxAge(PreflightMaxAge);
        }));
    }

    /// <summary>Each origin as scheme://host[:port]; anything else is a mistake in the settings, refused at start.</summary>
    public static string[] AllowedOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var listed = section.Value is { } joined
            ? joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value?.Trim()).OfType<string>().Where(origin => origin.Length > 0).ToArray();
        foreach (var origin in listed)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
            {
                throw new InvalidOperationException($"{Section} holds '{origin}', which is no origin: give scheme://host[:port], such as https://members.example.coop.");
            }
        }

        return [.. listed.Select(origin => origin.TrimEnd('/'))];
    }
}
