using Gateway.Admin;
using Gateway.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the search page, the admin pages and their sign-in.</summary>
internal static class GatewayUiServiceCollectionExtensions
{
    /// <summary>
    /// Adds Razor Pages (<c>/ui</c>, <c>/admin/...</c>), <see cref="UiOptions"/> (<c>Gateway:Ui</c>),
    /// <see cref="AdminOptions"/> (<c>Gateway:Admin</c>), the admin cookie scheme and the
    /// <see cref="AdminAuthentication.Policy"/> policy and the admin page services (the photo files and thumbnails the
    /// pages show are <c>AddPhotoFiles</c>'s).
    /// </summary>
    public static IServiceCollection AddGatewayUi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<UiOptions>().BindConfiguration(UiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName)
            .Validate(o => !o.HasPassword || AdminPasswordHash.IsWellFormed(o.PasswordHash), "Gateway:Admin:PasswordHash must look like pbkdf2-sha256$iterations$salt$hash (see docs/ui.md)")
            .ValidateOnStart();

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminAuthentication.Policy);
            o.Conventions.AllowAnonymousToPage("/Admin/SignIn");
            o.Conventions.AllowAnonymousToPage("/Admin/Setup");
        });
        services.AddHttpContextAccessor();
        services.AddAuthentication().AddCookie(AdminAuthentication.Scheme, o =>
        {
            o.Cookie.Name = ".Gateway.Admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = AspNetCore.Http.SameSiteMode.Strict;
            o.LoginPath = AdminAuthentication.SignInPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = AdminCookieEvents.RedirectToSignInAsync;
            o.Events.OnRedirectToAccessDenied = AdminCookieEvents.AccessDeniedAsync;
        });
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminBasicAuthenticationHandler>(AdminBasicAuthenticationHandler.SchemeName, null);
        services.TryAddSingleton(sp => AdminPasswordFile.InDataFolder(sp.GetRequiredService<Gateway.Hosting.GatewayFolders>()));
        services.TryAddSingleton<AdminCredentials>();
        services.TryAddSingleton<SignInThrottle>();
        services.AddAuthorization(o => o.AddPolicy(AdminAuthentication.Policy, p => p
            .AddAuthenticationSchemes(AdminAuthentication.Scheme, AdminBasicAuthenticationHandler.SchemeName)
            .AddRequirements(new AdminAccessRequirement())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AdminAccessHandler>());

        services.TryAddSingleton(TimeProvider.System);

        // The admin edits the catalog and reads albums through these features' own services; adding them
        // again when the host already did is harmless (TryAdd).
        services.AddPeakCatalog();
        services.AddPhotoIngestion();
        services.AddGatewayFolders();
        services.TryAddSingleton<Gateway.Albums.AlbumRegistry>();
        services.TryAddSingleton<IndexStatusReader>();
        services.TryAddSingleton<Gateway.Ui.Setup.SetupStatusReader>();
        services.TryAddSingleton<PeakEditor>();
        services.TryAddSingleton<PhotoMarker>();
        services.TryAddSingleton<ReferenceCandidateStore>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<UiOptions>>().Value);
        return services;
    }
}
