package io.tandem.gui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application. For now it previews the demo cluster's generated files; the wizard steps come next. */
public final class TandemApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(TandemApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        PreviewViewModel model = new PreviewViewModel();
        model.loadDemo();
        stage.setTitle("Tandem — demo cluster");
        var icon = TandemApp.class.getResourceAsStream("/icons/tandem-256.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.setScene(new Scene(new PreviewView(model).root(), 1100, 720));
        stage.show();
    }
}
