package io.tandem.gui;

import io.tandem.render.RenderedFile;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview window, headless (Monocle): the demo's files listed, a click shows one. */
@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {

    @Start
    void start(Stage stage) {
        PreviewViewModel model = new PreviewViewModel();
        model.loadDemo();
        stage.setScene(new Scene(new PreviewView(model).root(), 1000, 700));
        stage.show();
    }

    @Test
    void clickingAFileShowsItsText(FxRobot robot) {
        ListView<RenderedFile> files = robot.lookup("#files").queryListView();
        assertThat(files.getItems()).hasSizeGreaterThan(20);
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).contains("Cluster tandem");
        int index = files.getItems().stream().map(RenderedFile::path).toList().indexOf("/etc/corosync/corosync.conf");
        robot.interact(() -> files.scrollTo(index));
        robot.clickOn(PreviewViewModel.label(files.getItems().get(index)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#content").queryAs(TextArea.class).getText()).contains("transport: knet", "two_node: 1");
        Screenshots.save(robot.lookup("#files").query().getScene().getRoot(), "preview-corosync");
    }
}
