using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>Turns the cookie handler's redirects into refusals where a sign-in form cannot help.</summary>
internal static class AdminCookieEvents
{
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var admin = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue;
        var wantsHtml = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

        // Without a password only loopback callers get in, so a sign-in form would be a dead end;
        // scripts (fetch, curl) get a status rather than an HTML page.
        if (!admin.HasPassword)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else if (!wantsHtml)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static Task AccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
