using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Api.Errors;
using Governance.Api.Grains;
using Governance.Api.Validation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Governance.Api.Hosting;

public static class ApiServices
{
    public static IServiceCollection AddGovernanceApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddSingleton<PageRequests>();
        services.AddSingleton<GrainReferences>();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Binding failures become exceptions so that one handler answers them as problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Cooperative governance API",
                Version = "v1",
                Description = "Liquid voting, delegation and proposals for cooperatives.",
            }));

        services.AddSingleton<ReadinessCheck>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRouteIdValidation();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "v1"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
